import type { DatasetIndex, Row } from '../dataset/indexes';
import type { Citation, KeyPoint } from '../dataset/schema';
import { clipText } from './names';

/**
 * A key point of the bottom line as the screen and provenance name it. It is not a row (the
 * filters do not select it; it follows the records it is about), so it has its own small presenter.
 */
export const keyPointPresenter = {
  typeName: 'Key point',
  label: (p: KeyPoint, max = 110): string => clipText(p.text, max),
  heading: (p: KeyPoint): string => `Key point: ${clipText(p.text, 70)}`,
  citations: (p: KeyPoint): Citation[] => p.citations,
  /** The records the point sums up; ids the dataset does not hold are left out. */
  about: (p: KeyPoint, index: DatasetIndex): Row[] =>
    (p.about ?? []).map((id) => index.rowById.get(id)).filter((r): r is Row => r !== undefined),
};
