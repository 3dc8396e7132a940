import type { DatasetIndex } from '../dataset/indexes';
import { splitSourceRefs } from '../dataset/source-refs';

/**
 * A source's short label wherever a source is named (chips, headings, captions, exports): its outlet,
 * and for an outlet the text does not name, its date too ("Unnamed outlet, 26 Jun 2024"), so two
 * unnamed outlets never look alike. The index's outlet list makes the label once.
 */
export function sourceLabel(index: DatasetIndex, sourceId: string): string {
  let labels = labelsOf.get(index);
  if (!labels) {
    const byKey = new Map(index.outlets.map((o) => [o.key, o.label]));
    labels = new Map([...index.outletOfSource].map(([id, key]) => [id, byKey.get(key) ?? key]));
    labelsOf.set(index, labels);
  }
  return labels.get(sourceId) ?? index.sources.get(sourceId)?.outlet ?? 'Unknown source';
}

const labelsOf = new WeakMap<DatasetIndex, Map<string, string>>();

/** Prose with each `[[src:<id>]]` replaced by that source's label. */
export function proseText(text: string, index: DatasetIndex): string {
  return splitSourceRefs(text)
    .map((p) => (typeof p === 'string' ? p : sourceLabel(index, p.source)))
    .join('');
}

/** The label without the bidi isolates the screen wraps the outlet in: for files (CSV, JSON) read outside the page. */
export const sourceLabelText = (index: DatasetIndex, sourceId: string) => sourceLabel(index, sourceId).replace(/[\u2066-\u2069]/g, '');
