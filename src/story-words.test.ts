import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dashboard serves any dataset of the schema, so nothing of the default story may be built into
 * what runs: not in code, not in a comment, not in index.html. Tests, src/testing and fixtures may
 * name it.
 */
const STORY_WORDS = [
  'Belousov',
  'Beloesov',
  'Austin',
  'Patriot',
  'Tomahawk',
  'Kyiv',
  'Kiev',
  'Peskov',
  'Shoigu',
  'Stoltenberg',
  'Ukrain',
  'Russia',
  'NATO',
  'Kremlin',
  'Pentagon',
  'Putin',
  'Biden',
  'Zelensk',
  'Lloyd',
  'Moscow',
];
const PATTERN = new RegExp(`\\b(${STORY_WORDS.join('|')})`, 'i');

const exempt = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith('src/testing/') || /(^|\/)fixtures?(\/|$)/.test(path);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every occurrence as "path:line: word", files given as their path from the root and their text. */
function storyWordsIn(files: readonly { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    if (exempt(path)) continue;
    text.split('\n').forEach((line, i) => {
      const m = PATTERN.exec(line);
      if (m) found.push(`${path}:${i + 1}: ${m[1]}`);
    });
  }
  return found;
}

const read = (path: string) => ({ path: path.split('\\').join('/'), text: readFileSync(path, 'utf8') });

describe('nothing of the default story in runtime code', () => {
  it('finds no default-story word in src/ (outside tests, testing and fixtures) or index.html, comments included', () => {
    expect(storyWordsIn([...filesUnder('src'), 'index.html'].map(read))).toEqual([]);
  });

  it('would find one, in a comment as in code, whatever its case, and leaves tests and fixtures alone', () => {
    expect(
      storyWordsIn([
        { path: 'src/records/x.ts', text: 'const a = 1;\n// as the Kremlin said' },
        { path: 'src/filters/y.tsx', text: "placeholder: 'e.g. patriot'" },
        { path: 'index.html', text: '<meta content="Ukrainian aid">' },
        { path: 'src/lib/z.ts', text: 'const donator = 1; // Austinian' },
        { path: 'src/records/x.test.ts', text: 'Belousov' },
        { path: 'src/testing/test-fixtures.ts', text: 'Belousov' },
        { path: 'src/app/fixtures/a.json', text: 'Peskov' },
      ]),
    ).toEqual(['src/records/x.ts:2: Kremlin', 'src/filters/y.tsx:1: patriot', 'index.html:1: Ukrain', 'src/lib/z.ts:1: Austin']);
  });
});
