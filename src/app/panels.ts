import { aidPanel } from '../features/aid/aid-panel';
import { bottomLinePanel } from '../features/bottom-line/bottom-line-panel';
import { comparePanel } from '../features/compare/compare-panel';
import { coveragePanel } from '../features/coverage/coverage-panel';
import { discrepanciesPanel } from '../features/provenance/discrepancies-panel';
import { quotesPanel } from '../features/quotes/quotes-panel';
import { timelinePanel } from '../features/timeline/timeline-panel';
import { trayPanel } from '../features/tray/tray-panel';

/** Every panel by id, in page order; the briefing view prints those that have a print block, in this order. */
export const PANELS = [bottomLinePanel, timelinePanel, quotesPanel, aidPanel, discrepanciesPanel, coveragePanel, comparePanel, trayPanel];
