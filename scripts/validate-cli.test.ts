import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_CASES, readCase } from '../e2e/fixtures/broken/cases';

/** What `npm run validate` says about each file of the broken corpus, by file. */
function runCli(paths: string[]): Map<string, string> {
  let out = '';
  try {
    execFileSync('npx', ['tsx', 'scripts/validate.ts', ...paths], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    out = String((error as { stderr?: string }).stderr ?? '');
  }
  const byFile = new Map<string, string>();
  let current = '';
  for (const line of out.split('\n')) {
    const head = paths.find((p) => line.startsWith(`${p}: `));
    if (head) {
      current = head;
      byFile.set(head, line);
    } else if (current) byFile.set(current, `${byFile.get(current)}\n${line}`);
  }
  return byFile;
}

describe('npm run validate agrees with the page on the broken corpus', () => {
  it('reports every case’s problem with its path, never a stack trace', { timeout: 120_000 }, () => {
    // Texts served only by the test server (article texts at site paths) cannot be seen from the command line.
    const cases = BROKEN_CASES.filter((c) => !c.files && c.name !== 'text-file-missing.json');
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    const paths = cases.map((c) => {
      const path = join(dir, c.name);
      writeFileSync(path, readCase(c));
      return path;
    });
    const said = runCli(paths);
    cases.forEach((c, i) => {
      const text = said.get(paths[i]) ?? '(nothing)';
      expect(text, c.name).not.toMatch(/RangeError|Maximum call stack|at .*\.ts:\d+/);
      const lines = text.split('\n').filter((l) => l.startsWith(`  ${c.path}: `));
      expect(
        lines.some((l) => c.message.test(l)),
        `${c.name}: ${text.slice(0, 300)}`,
      ).toBe(true);
    });
    const many = said.get(paths[cases.findIndex((c) => c.name === 'many-schema-problems.json')]) ?? '';
    expect(many).toMatch(/: 130,000 problems\n/);
    expect(many).toMatch(/… and 129,800 more not listed/);
  });
});
