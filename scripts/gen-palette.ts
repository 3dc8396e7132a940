import { writeFile } from 'node:fs/promises';
import { paletteCss } from '../src/lib/palette';

/** Writes src/lib/palette.css, the custom properties every stylesheet reads, from src/lib/palette.ts. */
const out = 'src/lib/palette.css';
await writeFile(out, paletteCss());
console.log(`wrote ${out}`);
