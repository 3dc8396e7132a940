import { maxOf } from '../lib/bounds';
/** Heights in CSS pixels of one block (a panel, the cover, the footnotes) as laid out on the page. */
export interface BlockSize {
  key: string;
  /** Heading, plus any table header: repeated at the top of every page the block continues on. */
  head: number;
  /** Shown once, under the heading on the block's first page (a chart and its legend). */
  intro: number;
  /** Each item's own height; items never split across pages. */
  items: number[];
  /** Items side by side in a row; a row is as tall as its tallest item. */
  columns: number;
  /** Space between rows. */
  gap: number;
  /** Space under the last row (a table's bottom border, a list's padding). */
  tail: number;
  /** Start the block on a new page. */
  breakBefore: boolean;
  /** The footnotes each item cites (by number), printed at the foot of the page the item lands on. */
  notes?: number[][];
}

/** The footnotes at the foot of each page: each one's height, and what the list around them takes. */
export interface NoteSizes {
  height: (n: number) => number;
  /** The list's rule and padding, paid once on a page that has footnotes. */
  head: number;
}

export interface Chunk {
  key: string;
  /** Items [from, to) of the block go on this page. */
  from: number;
  to: number;
  /** True on the pages after the block's first. */
  continued: boolean;
}

export type PagePlan = Chunk[][];

/**
 * Pure: packs blocks into pages of `pageHeight`, whole items only, each block's heading carried
 * over to every page it continues on. `blockGap` separates two blocks sharing a page. With
 * `noteSizes`, the footnotes an item cites go at the foot of its page and count against it, so a
 * block splits where its footnotes would no longer fit. An item taller than a page gets a page of
 * its own (and overflows it: nothing else can be done).
 */
export function paginate(blocks: readonly BlockSize[], pageHeight: number, blockGap: number, noteSizes?: NoteSizes): PagePlan {
  const pages: PagePlan = [];
  let page: Chunk[] = [];
  let used = 0;
  // The footnotes already at the foot of this page, and the height they take.
  let onPage = new Set<number>();
  let notesH = 0;
  const newPage = () => {
    if (page.length) pages.push(page);
    page = [];
    used = 0;
    onPage = new Set();
    notesH = 0;
  };
  /** The height the footnotes of items [from, to) add to this page. */
  const notesAdd = (b: BlockSize, from: number, to: number) => {
    if (!noteSizes || !b.notes) return 0;
    const extra = new Set<number>();
    for (let i = from; i < to; i++) for (const n of b.notes[i] ?? []) if (!onPage.has(n)) extra.add(n);
    if (!extra.size) return 0;
    let h = onPage.size ? 0 : noteSizes.head;
    for (const n of extra) h += noteSizes.height(n);
    return h;
  };
  const takeNotes = (b: BlockSize, from: number, to: number) => {
    if (!noteSizes || !b.notes) return;
    notesH += notesAdd(b, from, to);
    for (let i = from; i < to; i++) for (const n of b.notes[i] ?? []) onPage.add(n);
  };

  for (const b of blocks) {
    const rows: [number, number, number][] = [];
    for (let i = 0; i < b.items.length; i += b.columns) {
      const to = Math.min(b.items.length, i + b.columns);
      rows.push([i, to, maxOf(b.items.slice(i, to))]);
    }
    if (b.breakBefore) newPage();
    const firstRow = rows.length ? rows[0][2] + notesAdd(b, rows[0][0], rows[0][1]) : 0;
    const lead = page.length ? blockGap : 0;
    if (page.length && used + notesH + lead + b.head + b.intro + firstRow + b.tail > pageHeight) newPage();
    used += (page.length ? blockGap : 0) + b.head + b.intro;
    let chunk: Chunk = { key: b.key, from: 0, to: 0, continued: false };
    page.push(chunk);
    for (const [from, to, height] of rows) {
      const add = (chunk.to > chunk.from ? b.gap : 0) + height;
      if (chunk.to > chunk.from && used + notesH + add + notesAdd(b, from, to) + b.tail > pageHeight) {
        newPage();
        chunk = { key: b.key, from, to: from, continued: true };
        page.push(chunk);
        used = b.head + height;
      } else {
        used += add;
      }
      takeNotes(b, from, to);
      chunk.to = to;
    }
    used += b.tail;
  }
  newPage();
  return pages;
}
