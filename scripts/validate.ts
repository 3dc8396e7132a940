import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { validateDatasetText } from '../src/dataset/validate';

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
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(`${file}: cannot read: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const base = dirname(resolve(file));
    const result = await validateDatasetText(text, async (path) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return undefined;
      return readFile(resolve(base, path), 'utf8');
    });
    if (result.ok) {
      const summary = Object.entries(result.counts)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
      console.log(`${file}: valid — ${summary}`);
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
