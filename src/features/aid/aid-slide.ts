import type { PanelSlide } from '../../export/panel-registry';
import { COLUMN_PX, cutList, fitList, linesOf, type SlideBlock, type SlideBook } from '../../export/slide-model';
import type { ViewContext } from '../../filters/view-context';
import { formatDate } from '../../lib/dates';
import { formatAmount } from '../../lib/format';
import { termLabel } from '../../dataset/vocabulary';
import { aidInViewOrder } from './aid-panel';
import { moneyByDonorAndStatus, rollUp } from './aid-data';

/** Bars per chart, and charts (one per currency), that leave room for the list under them. */
const MAX_BARS = 5;
const MAX_CHARTS = 2;

/**
 * The tracker on one slide: money by donor and status, one bar chart per currency (never added
 * across currencies), and under it the items, packages with their items inside, cut to fit.
 */
export function aidSlide(args: ViewContext, book: SlideBook): PanelSlide | null {
  const { index, selection } = args;
  const items = aidInViewOrder(args);
  if (!items.length) return null;
  const statuses = index.vocabulary.aidStatuses;
  const tables = cutList(moneyByDonorAndStatus(selection.aid, index), MAX_CHARTS);
  const blocks: SlideBlock[] = tables.items.map(({ currency, rows }) => {
    const bars = cutList(
      [...rows].sort((a, b) => b.value - a.value),
      MAX_BARS,
    );
    return {
      kind: 'chart',
      title: `Money by donor and status, ${currency}${bars.more ? ` (the ${MAX_BARS} largest of ${rows.length})` : ''}`,
      chart: {
        type: 'bar',
        categories: bars.items.map((r) => `${r.donor} · ${r.statusLabel}`),
        series: [{ name: `Amount (${currency})`, values: bars.items.map((r) => r.value) }],
        colors: bars.items.map((r) => {
          const t = statuses.byId.get(r.status);
          return { css: t?.color ?? 'var(--series-1)', hex: t?.hex ?? '#333333' };
        }),
        currency,
      },
    };
  });
  const bars = blocks.reduce((n, b) => n + (b.kind === 'chart' && b.chart.type === 'bar' ? b.chart.categories.length : 0), 0);
  const rolled = rollUp(items, index);
  const text = (r: (typeof rolled)[number]) => {
    const a = r.item;
    const when = a.effective
      ? `announced ${formatDate(a.announced)} → takes effect ${formatDate(a.effective)}`
      : `announced ${formatDate(a.announced)}`;
    return {
      text: `${r.depth ? '↳ ' : ''}${a.item}${a.amount ? ` · ${formatAmount(a.amount)}` : r.parent ? ` · inside ${r.parent}` : ''}`,
      detail: `${termLabel(statuses, a.status)} · ${when}${r.context ? ' · shown as context' : ''}`,
    };
  };
  // Two columns under the charts, in the body's 500px or so: a chart takes its title and its bars.
  const room = Math.max(3, Math.floor((500 - 37 - blocks.length * 62 - Math.max(bars * 58, blocks.length * 150)) / 34));
  const lines = (r: (typeof rolled)[number]) => linesOf(`▪ ${text(r).text} [1] · ${text(r).detail}`, COLUMN_PX.half);
  // The right column has no title: a line more.
  const left = fitList(rolled, lines, room);
  const right = fitList(rolled.slice(left.items.length), lines, room + 1);
  const list = (items: typeof rolled, column: 0 | 1, more: number, title?: string): SlideBlock => ({
    kind: 'list',
    column,
    ...(title ? { title } : {}),
    items: items.map((r) => ({ ...text(r), cites: book.cite(r.item.citations) })),
    more,
  });
  blocks.push(list(left.items, 0, right.items.length ? 0 : left.more, 'Items, from announcement to effect'));
  if (right.items.length) blocks.push(list(right.items, 1, right.more));
  if (tables.more)
    blocks.push({ kind: 'text', text: `Amounts in ${tables.more} more currencies are in the panel's table.`, quoted: false, cites: [] });
  return { blocks, sourceIds: items.flatMap((a) => a.citations.map((c) => c.source)) };
}
