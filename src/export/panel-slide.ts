import type { DatasetIndex, Row } from '../dataset/indexes';
import type { Filters } from '../dataset/select';
import { describeFilters } from '../records/describe-filters';
import type { PanelEntry } from './panel-registry';
import { defaultHeadline, recordsList, type SlideBook, type SlideContent } from './slide-model';

/**
 * A panel's slide: what its definition lays out, or else the records of its table as a list; the
 * headline is the panel's title and the subhead the filters in words.
 */
export function panelSlideContent(entry: PanelEntry, index: DatasetIndex, filters: Filters, book: SlideBook): SlideContent | null {
  // Without its own slide code, the records list below would stand in for the panel's slide unnoticed.
  if (entry.slide && !entry.slide.ready()) throw new Error(`The slide of ${entry.title} is asked for before its code has loaded.`);
  const { headline, subhead } = defaultHeadline(entry.title, describeFilters(filters, index));
  const own = entry.slide?.build(book);
  if (own)
    return { headline: own.headline ?? headline, subhead, blocks: own.blocks, sourceIds: own.sourceIds, maxFootnotes: own.maxFootnotes };
  if (!entry.table) return null;
  const rows = entry
    .table()
    .rows.map((r) => index.rowById.get(r.id))
    .filter((r): r is Row => r !== undefined);
  return { headline, subhead, blocks: [recordsList(index, book, rows, entry.title)], sourceIds: rows.flatMap((r) => r.sources) };
}
