import type { DatasetIndex } from '../dataset/indexes';
import type { Selection } from '../dataset/select';
import type { ParsedView } from '../dataset/url-state';

/** What a panel's exports are made from: the dataset, what the filters select, and the view's settings. */
export interface ViewContext {
  index: DatasetIndex;
  selection: Selection;
  view: ParsedView;
}
