import { aidPanel } from '../features/aid/aid-panel';
import { discrepanciesPanel } from '../features/provenance/discrepancies-panel';
import { quotesPanel } from '../features/quotes/quotes-panel';
import { timelinePanel } from '../features/timeline/timeline-panel';

/** The panels that export a table and print in the briefing view, in the order the briefing prints them. */
export const PANELS = [timelinePanel, quotesPanel, aidPanel, discrepanciesPanel];
