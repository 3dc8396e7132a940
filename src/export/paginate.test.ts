import { describe, expect, it } from 'vitest';
import { paginate, type BlockSize } from './paginate';

const block = (key: string, items: number[], over: Partial<BlockSize> = {}): BlockSize => ({
  key,
  head: 20,
  intro: 0,
  items,
  columns: 1,
  gap: 0,
  tail: 0,
  breakBefore: true,
  ...over,
});

/** Height each page's content takes, by the same rules the layout follows. */
function heights(blocks: BlockSize[], plan: ReturnType<typeof paginate>, blockGap: number) {
  return plan.map((page) =>
    page.reduce((sum, c, i) => {
      const b = blocks.find((x) => x.key === c.key)!;
      let h = (i ? blockGap : 0) + b.head + (c.continued ? 0 : b.intro) + b.tail;
      for (let r = c.from; r < c.to; r += b.columns)
        h += (r > c.from ? b.gap : 0) + Math.max(...b.items.slice(r, Math.min(c.to, r + b.columns)));
      return sum + h;
    }, 0),
  );
}

describe('paginate', () => {
  it('keeps a block that fits on one page, and starts each block on a new page when asked', () => {
    const blocks = [block('a', [10, 10]), block('b', [10])];
    expect(paginate(blocks, 100, 8)).toEqual([
      [{ key: 'a', from: 0, to: 2, continued: false }],
      [{ key: 'b', from: 0, to: 1, continued: false }],
    ]);
  });

  it('lets blocks share a page when no break is asked for, with the gap between them', () => {
    const blocks = [block('cover', [30], { head: 0 }), block('a', [10, 10], { breakBefore: false })];
    expect(paginate(blocks, 100, 8)).toEqual([
      [
        { key: 'cover', from: 0, to: 1, continued: false },
        { key: 'a', from: 0, to: 2, continued: false },
      ],
    ]);
    // 30 + 8 + 20 + 10 + 10 = 78 fits. After a taller cover the heading keeps its first item.
    const taller = [block('cover', [60], { head: 0 }), block('a', [10, 10], { breakBefore: false })];
    expect(paginate(taller, 100, 8).map((p) => p.map((c) => `${c.key}:${c.from}-${c.to}`))).toEqual([['cover:0-1', 'a:0-1'], ['a:1-2']]);
    const tallest = [block('cover', [70], { head: 0 }), block('a', [10, 10], { breakBefore: false })];
    expect(paginate(tallest, 100, 8).map((p) => p.map((c) => c.key))).toEqual([['cover'], ['a']]);
  });

  it('splits a long block between whole items, repeating the heading, never overfilling a page', () => {
    const items = Array.from({ length: 40 }, (_, i) => 10 + (i % 7) * 6);
    const blocks = [block('long', items, { intro: 50, gap: 4, tail: 2 })];
    const plan = paginate(blocks, 300, 8);
    expect(plan.length).toBeGreaterThan(3);
    expect(plan.flat().map((c) => [c.from, c.to])).toEqual(plan.flat().map((c, i, all) => [i ? all[i - 1].to : 0, c.to]));
    expect(plan.flat().at(-1)!.to).toBe(40);
    expect(plan.flat().map((c) => c.continued)).toEqual(plan.flat().map((_, i) => i > 0));
    for (const h of heights(blocks, plan, 8)) expect(h).toBeLessThanOrEqual(300);
    // Greedy: the next item would not have fitted on any page but the last.
    const pageHeights = heights(blocks, plan, 8);
    plan.slice(0, -1).forEach((page, i) => {
      const next = items[page[0].to];
      expect(pageHeights[i] + 4 + next).toBeGreaterThan(300);
    });
  });

  it('packs rows of several columns, a row as tall as its tallest item', () => {
    const blocks = [block('grid', [10, 50, 10, 10, 30, 30], { columns: 2, gap: 5 })];
    // Rows: 50, 10, 30 → 20 + 50 + 5 + 10 = 85; + 5 + 30 = 120 > 100.
    expect(paginate(blocks, 100, 8)).toEqual([
      [{ key: 'grid', from: 0, to: 4, continued: false }],
      [{ key: 'grid', from: 4, to: 6, continued: true }],
    ]);
  });

  it('gives an item taller than a page a page of its own', () => {
    const plan = paginate([block('x', [10, 500, 10])], 100, 8);
    expect(plan.map((p) => p.map((c) => [c.from, c.to]))).toEqual([[[0, 1]], [[1, 2]], [[2, 3]]]);
  });

  it('still shows the heading of an empty block', () => {
    expect(paginate([block('empty', [])], 100, 8)).toEqual([[{ key: 'empty', from: 0, to: 0, continued: false }]]);
  });
});

describe('paginate with footnotes at the foot of each page', () => {
  const notes = { height: () => 10, head: 6 };

  it('counts an item’s footnotes against its page and splits the block where they no longer fit', () => {
    // Heading 20 + item 30 + footnotes 6 + 2 × 10 = 76; a second item would add 30 + 20.
    const b = block('a', [30, 30, 30], {
      notes: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    });
    const plan = paginate([b], 100, 10, notes);
    expect(plan.map((p) => p.map((c) => [c.from, c.to]))).toEqual([[[0, 1]], [[1, 2]], [[2, 3]]]);
  });

  it('does not count a footnote twice on one page', () => {
    const b = block('a', [20, 20, 20], { notes: [[1], [1], [1]] });
    // 20 head + 60 items + 6 + 10 for the one footnote = 96.
    expect(paginate([b], 100, 10, notes)).toEqual([[{ key: 'a', from: 0, to: 3, continued: false }]]);
    expect(paginate([block('a', [20, 20, 20], { notes: [[1], [2], [3]] })], 100, 10, notes)).toHaveLength(2);
  });

  it('pays for footnotes only where a block has them', () => {
    expect(paginate([block('a', [30, 30])], 80, 10, notes)).toHaveLength(1);
  });
});
