import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from './bounds';

describe('minOf / maxOf', () => {
  it('take lists far longer than a call can take as arguments', () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.min(...xs)).toThrow(RangeError);
    expect(minOf(xs)).toBe(0);
    expect(maxOf(xs)).toBe(499_999);
  });

  it('give the stated value for an empty list, and NaN when one is there', () => {
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no list spread into a call', () => {
  it('in src/ and scripts/: Math.min/max, push, unshift, apply and fromCharCode loop instead', () => {
    const spread = /\b(Math\.(min|max)|\.push|\.unshift|\.splice|String\.fromCharCode|String\.fromCodePoint)\([^()[\]{}]*\.\.\./;
    const found = [...files('src'), ...files('scripts')].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (spread.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
