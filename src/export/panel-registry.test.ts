import { describe, expect, it } from 'vitest';
import { footnoteBook } from './footnotes';
import { bindPanels, type PanelDefinition } from './panel-registry';
import type { PrintBlock } from './print-block';
import { slideBook } from './slide-model';
import type { ExportTable } from './tables';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';

const table = (name: string): ExportTable => ({ name: 'records', columns: ['id', name], rows: [], records: [] });
const block = (key: string): PrintBlock => ({ key, title: key, breakBefore: false, columns: 1, items: [] });

describe('bindPanels', () => {
  it('finds a panel by id and binds the current view into its table and print block', async () => {
    let loads = 0;
    const defs: PanelDefinition<{ q: string }>[] = [
      { id: 'a', title: 'Panel A', table: ({ q }) => table(q) },
      {
        id: 'b',
        title: 'Panel B',
        print: async () => {
          loads++;
          return ({ q }, ctx) => block(`${q}:${ctx.slide}`);
        },
      },
    ];
    const ctx = { book: footnoteBook(buildIndex(Dataset.parse(validDataset()))), slide: true };
    const first = bindPanels(defs, { q: 'one' });
    expect(first.get('a')?.table?.().columns).toEqual(['id', 'one']);
    expect(first.get('a')?.print).toBeUndefined();
    expect(first.get('Panel B')).toBeUndefined();
    const print = first.get('b')!.print!;
    expect(print.ready()).toBe(false);
    expect(print.build(ctx)).toBeNull();
    await print.load();
    expect(print.build(ctx)?.key).toBe('one:true');
    // A new view prints at once: the code is loaded once per definition.
    const second = bindPanels(defs, { q: 'two' }).get('b')!.print!;
    expect(second.ready()).toBe(true);
    expect(second.build(ctx)?.key).toBe('two:true');
    await second.load();
    expect(loads).toBe(1);
  });

  it('loads a panel’s slide code on use: no slide before, the view’s content after, once per definition', async () => {
    let loads = 0;
    const defs: PanelDefinition<{ q: string }>[] = [
      {
        id: 's',
        title: 'Panel S',
        slide: async () => {
          loads++;
          return ({ q }) => (q ? { blocks: [{ kind: 'text', title: q, text: q, quoted: false, cites: [] }], sourceIds: [q] } : null);
        },
      },
    ];
    const book = slideBook(buildIndex(Dataset.parse(validDataset())));
    const slide = bindPanels(defs, { q: 'one' }).get('s')!.slide!;
    expect(slide.ready()).toBe(false);
    expect(slide.build(book)).toBeNull();
    await slide.load();
    expect(slide.ready()).toBe(true);
    expect(slide.build(book)?.sourceIds).toEqual(['one']);
    const empty = bindPanels(defs, { q: '' }).get('s')!.slide!;
    expect(empty.ready()).toBe(true);
    expect(empty.build(book)).toBeNull();
    await empty.load();
    expect(loads).toBe(1);
  });
});
