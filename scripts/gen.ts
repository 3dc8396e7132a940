import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/testing/generate';

/**
 * `npm run gen -- --records N --seed S --out <file>`: a synthetic dataset of N records
 * (events + quotes + aid + discrepancies), the same bytes for the same seed. `--out -` writes to
 * stdout (and the summary to stderr). Exit 2 on bad arguments, 1 when the file cannot be written.
 */
const USAGE = 'usage: tsx scripts/gen.ts --records N --seed S --out <file|-> [--pretty]';
const MAX_RECORDS = 5_000_000;

class ArgError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const text = raw.trim();
  if (!/^-?\d+$/.test(text)) throw new ArgError(`--${name}: expected an integer, got "${raw}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ArgError(`--${name}: must be between ${min} and ${max}, got ${raw}`);
  }
  return value;
}

function main(argv: string[]): number {
  let options: { records: number; seed: number; out: string; pretty: boolean };
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        records: { type: 'string', short: 'n' },
        seed: { type: 'string', short: 's' },
        out: { type: 'string', short: 'o' },
        pretty: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(
        `${USAGE}\n  --records  events + quotes + aid + discrepancies (default 1000)\n  --seed     any integer (default 1)\n  --out      the file to write, or - for stdout (required)\n  --pretty   indent the JSON`,
      );
      return 0;
    }
    const records = integer('records', values.records, 1000, 1, MAX_RECORDS);
    const seed = integer('seed', values.seed, 1, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (values.out === undefined || values.out.trim() === '') throw new ArgError('--out: required (a file path, or - for stdout)');
    options = { records, seed, out: values.out, pretty: values.pretty ?? false };
  } catch (error) {
    // parseArgs reports unknown options and missing values with a code; ours are ArgErrors.
    const known = error instanceof ArgError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) throw error;
    console.error(`gen: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const started = performance.now();
  const dataset = generateDataset({ records: options.records, seed: options.seed });
  const json = `${options.pretty ? JSON.stringify(dataset, null, 2) : JSON.stringify(dataset)}\n`;
  const generatedMs = performance.now() - started;

  const toStdout = options.out === '-';
  try {
    if (toStdout) process.stdout.write(json);
    else writeFileSync(options.out, json);
  } catch (error) {
    console.error(`gen: cannot write ${options.out}: ${(error as Error).message}`);
    return 1;
  }
  const counts = [
    `sources: ${dataset.sources.length}`,
    `actors: ${dataset.actors.length}`,
    `events: ${dataset.events.length}`,
    `quotes: ${dataset.quotes.length}`,
    `aid: ${dataset.aid.length}`,
    `discrepancies: ${dataset.discrepancies.length}`,
  ].join(', ');
  const mb = (Buffer.byteLength(json) / 1e6).toFixed(1);
  const line = `wrote ${toStdout ? 'stdout' : options.out}: ${counts} (${mb} MB, ${Math.round(generatedMs)} ms)`;
  if (toStdout) console.error(line);
  else console.log(line);
  return 0;
}

// `npm run gen -- …` may pass the separator through.
process.exitCode = main(process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')));
