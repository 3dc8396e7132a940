import type { PanelSlide } from '../../export/panel-registry';
import { cutList, fitList, type SlideItem } from '../../export/slide-model';
import type { ViewContext } from '../../filters/view-context';
import { RECORD_TYPE_NAME } from '../../dataset/vocabulary';
import { formatDate } from '../../lib/dates';
import { plural } from '../../lib/format';
import { present, recordDate, recordLabel } from '../../records/record-label';
import { coverageData, MODE_LABEL, MODE_SYMBOL, type CoverageCell } from './coverage-data';

/** Outlets as columns and facts as rows that stay legible at 22px on one slide. */
const MAX_OUTLETS = 5;
const MAX_FACTS = 12;
const LABEL_PX = 620;

const cellText = (cell: CoverageCell | undefined): SlideItem[] => [
  {
    text: !cell
      ? MODE_SYMBOL.none
      : [cell.mode ? `${MODE_SYMBOL[cell.mode]} ${MODE_LABEL[cell.mode]}` : '', cell.differs ? `${MODE_SYMBOL.differs} differs` : '']
          .filter(Boolean)
          .join(', '),
    cites: [],
  },
];

/** Lines of 22px type a row label takes in its column (about 11.5px a character). */
const labelLines = (label: string) => Math.ceil(label.length / Math.floor(LABEL_PX / 11.5));
/** The table's room under its head, in lines of 22px type (about 29px each, a row's padding counted apart). */
const ROOM = 19;

/**
 * The coverage matrix on one slide: the latest facts (in date order) against the outlets that report
 * most, each fact with its grade and whether it rests on one outlet; what is cut is counted.
 */
export function coverageSlide({ index, selection, view }: ViewContext): PanelSlide | null {
  const cov = coverageData(index, selection, { singleOnly: view.singleSource, maxColumns: MAX_OUTLETS });
  if (!cov.rows.length) return null;
  const label = (row: (typeof cov.rows)[number]) => {
    const full = index.rowById.get(row.id);
    const date = full ? recordDate(full) : null;
    return `${RECORD_TYPE_NAME[row.type].one}${date ? ` · ${formatDate(date)}` : ''} · ${full ? recordLabel(full, index, 80) : row.id}`;
  };
  // The latest facts, as many as fit, drawn in date order.
  const latest = fitList([...cov.rows].reverse().slice(0, MAX_FACTS), (r) => Math.max(labelLines(label(r)), r.single ? 2 : 1) + 0.4, ROOM);
  const rows = latest.items.reverse();
  const cutRows = cov.rows.length - rows.length + cov.hiddenRows;
  const more = [
    cutRows ? `and ${plural(cutRows, 'earlier fact')}` : '',
    cov.hiddenColumns ? `and ${plural(cov.hiddenColumns, 'more outlet')}` : '',
  ].filter(Boolean);
  const columns = cutList(cov.columns, MAX_OUTLETS).items;
  return {
    blocks: [
      {
        kind: 'table',
        labelWidth: LABEL_PX,
        head: [`Fact (${plural(cov.total, 'fact')}, ${cov.singleSource} on one outlet only)`, 'Grade', ...columns.map((c) => c.label)],
        rows: rows.map((row) => {
          const full = index.rowById.get(row.id);
          const grade = full ? present(full, index).grade() : null;
          return {
            label: label(row),
            cells: [
              [{ text: grade ? grade.code : '—', detail: row.single ? `${MODE_SYMBOL.single} single source` : undefined, cites: [] }],
              ...columns.map((c) => cellText(row.cells.get(c.key))),
            ],
            more: [],
          };
        }),
        ...(more.length ? { more: `${more.join('; ')} in the panel` } : {}),
      },
    ],
    sourceIds: selection.shownSources,
  };
}
