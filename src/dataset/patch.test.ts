import { describe, expect, it } from 'vitest';
import { applyPatch, diff } from './patch';
import { Dataset } from './schema';
import { validDataset } from '../testing/test-fixtures';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('diff and applyPatch', () => {
  it('finds nothing between equal values', () => {
    const a = { x: [1, { y: 'z' }], n: null };
    expect(diff(a, clone(a))).toEqual([]);
  });

  it('records changed, added and removed keys, and replaced arrays, and applying them gives the target', () => {
    const before = { a: 1, b: { c: ' padded ', d: [1, 2] }, gone: true, list: [1, 2, 3] };
    const after = { a: 1, b: { c: 'padded', d: [1, 2], e: [] }, list: [1, 2] };
    const edits = diff(before, after);
    expect(edits).toEqual([
      { path: ['b', 'c'], value: 'padded' },
      { path: ['b', 'e'], value: [] },
      { path: ['list'], value: [1, 2] },
      { path: ['gone'], remove: true },
    ]);
    expect(applyPatch(clone(before), edits)).toEqual(after);
  });

  it('replaces the root when the types differ', () => {
    expect(applyPatch([1], diff([1], { a: 1 }))).toEqual({ a: 1 });
    expect(applyPatch('x', diff('x', 'y'))).toBe('y');
  });

  it('turns parsed JSON into what the schema gives: defaults filled in, text trimmed', () => {
    const input = validDataset() as unknown as Record<string, never>;
    const raw = clone(input) as unknown as { actors: { aliases?: string[]; name: string }[]; discrepancies: { concerns?: unknown }[] };
    delete raw.actors[0].aliases;
    raw.actors[1].name = `  ${raw.actors[1].name}  `;
    delete raw.discrepancies[0].concerns;
    const parsed = Dataset.parse(clone(raw));
    const edits = diff(raw, parsed);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    expect(applyPatch(clone(raw), edits)).toEqual(parsed);
  });
});
