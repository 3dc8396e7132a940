import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MAX_DATASET_BYTES, REFUSED_TEXT_PATH } from '../src/dataset/load';
import { articleText, binaryKind } from '../src/dataset/sniff';
import { validateDatasetText, type TextLoad } from '../src/dataset/validate';

/** `npm run validate -- <file>`: every problem with its path, or the counts per record type. */
async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    console.error('usage: npm run validate -- <dataset.json> [more.json …]');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      // As the page does: the size before reading, then the first bytes, then UTF-8.
      const size = (await stat(file)).size;
      if (size > MAX_DATASET_BYTES) {
        console.error(`${file}: 1 problem`);
        console.error(`  (file): is ${size.toLocaleString('en-GB')} bytes; datasets up to ${MAX_DATASET_BYTES / 1024 / 1024} MB are read`);
        failed++;
        continue;
      }
      const bytes = await readFile(file);
      const kind = binaryKind(bytes.subarray(0, 16));
      if (kind) {
        console.error(`${file}: 1 problem`);
        console.error(`  (file) line 1, column 1: this is ${kind}, not a JSON dataset (told by its first bytes)`);
        failed++;
        continue;
      }
      text = new TextDecoder().decode(bytes);
    } catch (error) {
      console.error(`${file}: cannot read: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const base = dirname(resolve(file));
    const result = await validateDatasetText(text, async (path): Promise<TextLoad> => {
      // eslint-disable-next-line no-control-regex -- control characters are what this refuses
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(path))
        return { failed: REFUSED_TEXT_PATH };
      // A site-absolute path ("/data/a.txt") names a file on the web server, which the command line cannot see.
      if (path.startsWith('/')) return undefined;
      const checked = articleText(await readFile(resolve(base, path)));
      return checked.ok ? checked.text : { failed: `is not an article text: ${checked.why}` };
    });
    if (result.ok) {
      const summary = Object.entries(result.counts)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
      console.log(`${file}: valid — ${summary}`);
      if (result.warnings.length) {
        console.log(`${file}: ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`);
        for (const w of result.warnings) console.log(`  ${w.path}: ${w.message}`);
      }
    } else {
      failed++;
      const total = result.problems.length + (result.more ?? 0);
      console.error(`${file}: ${total.toLocaleString('en-GB')} problem${total === 1 ? '' : 's'}`);
      for (const p of result.problems) console.error(`  ${p.path}: ${p.message}`);
      if (result.more) console.error(`  … and ${result.more.toLocaleString('en-GB')} more not listed`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
