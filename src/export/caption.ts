import type { DatasetIndex } from '../dataset/indexes';
import type { Filters } from '../dataset/select';
import { describeFilters } from '../records/describe-filters';
import { formatDate } from '../lib/dates';

/** What every exported image and briefing says about itself, line by line. */
export interface Caption {
  title: string;
  /** What the image shows: a panel's name, or "Dashboard". */
  subject: string;
  filters: string;
  outlets: string;
  dataset: string;
  madeAt: string;
}

/** Outlet names behind the given sources, each once, in the order the Sources filter lists them. */
export function outletNames(sourceIds: Iterable<string>, index: DatasetIndex): string[] {
  const keys = new Set<string>();
  for (const id of sourceIds) keys.add(index.outletOfSource.get(id) ?? id);
  return index.outlets.filter((o) => keys.has(o.key)).map((o) => o.label);
}

/** "2024-08-01 12:00 UTC": the moment an export was made, the same wherever it is read. */
export function formatMadeAt(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function makeCaption(args: {
  index: DatasetIndex;
  /** The filters behind what is shown, or words saying why none apply. */
  filters: Filters | string;
  subject: string;
  sourceIds: Iterable<string>;
  madeAt: Date;
}): Caption {
  const { dataset } = args.index;
  const outlets = outletNames(args.sourceIds, args.index);
  return {
    title: dataset.title,
    subject: args.subject,
    filters: `Filters: ${typeof args.filters === 'string' ? args.filters : describeFilters(args.filters, args.index)}`,
    outlets: outlets.length ? `Outlets: ${outlets.join('; ')}` : 'Outlets: none (nothing shown)',
    dataset: `Dataset version ${dataset.version}, compiled ${formatDate({ value: dataset.date, precision: 'day' })}`,
    madeAt: `Made ${formatMadeAt(args.madeAt)}`,
  };
}
