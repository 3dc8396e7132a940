import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { Dataset } from '../src/dataset/schema';

/** Writes public/data/briefing.schema.json from the zod schema, so editors can check a dataset. */
const schema = {
  ...z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any' }),
  $id: 'briefing.schema.json',
  title: 'Briefing dataset',
};
const out = process.argv[2] ?? 'public/data/briefing.schema.json';
await writeFile(out, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${out}`);
