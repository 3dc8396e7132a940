import type { DatasetIndex } from '../dataset/indexes';
import type { Citation } from '../dataset/schema';
import { clipGraphemes } from '../lib/graphemes';
import { sourceLabel, sourceLabelText } from './source';

/** An actor's name as the dataset spells it; the id when the dataset names no such actor. */
export function actorName(index: DatasetIndex, id: string | undefined): string {
  if (!id) return '';
  return index.actors.get(id)?.name ?? id;
}

export const actorNames = (index: DatasetIndex, ids: readonly string[], sep = '; ') => ids.map((id) => actorName(index, id)).join(sep);

/** The outlet a source belongs to, as the source itself names it. */
export function outletName(index: DatasetIndex, sourceId: string): string {
  return index.sources.get(sourceId)?.outlet ?? sourceId;
}

/** The outlet as the Sources filter lists it: unnamed outlets are told apart by their date there. */
export const outletLabel = sourceLabel;

export function eventTitle(index: DatasetIndex, id: string | undefined): string {
  return id ? (index.events.get(id)?.title ?? id) : '';
}

/** A citation as exported: the source id, the outlet it belongs to, and the verbatim excerpt. */
export interface ExportCitation {
  source: string;
  outlet: string;
  excerpt: string;
}

export function exportCitations(list: readonly Citation[], index: DatasetIndex): ExportCitation[] {
  return list.map((c) => ({ source: c.source, outlet: sourceLabelText(index, c.source), excerpt: c.excerpt }));
}

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Marks that open a quotation in the texts the datasets quote: curly, straight, guillemets, low-9. */
const OPENING_MARK = /^[\s\u2066-\u2069]*["'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a]/u;

/**
 * Words as printed, in quotation marks: an excerpt that opens with its own mark (the outlet quoted
 * someone) is shown as it is, not wrapped a second time. Every output quotes through this.
 */
export const quoted = (text: string) => (opensQuoted(text) ? text : `\u201c${text}\u201d`);

/** The text opens with its own quotation mark (a quote inside the excerpt), so it needs none around it. */
export const opensQuoted = (text: string) => OPENING_MARK.test(text);

/** One line of at most `max` characters, cut between graphemes so no emoji or accent is split. */
export function clipText(text: string, max: number): string {
  return clipGraphemes(oneLine(text), max);
}

/** The last word of a name, as people search for it: "Lena Varga" → "Varga". */
const surname = (name: string) => oneLine(name).split(' ').pop() ?? '';

/**
 * Search examples taken from the loaded dataset itself, so no story's names are built in: the
 * search field offers an actor and an item ("e.g. Varga, patrol vessels"), the actor finder an
 * alias where one is recorded (any spelling finds the actor).
 */
export function placeholderExamples(index: DatasetIndex): { search: string; actor: string } {
  const d = index.dataset;
  const spoken = d.quotes.map((q) => q.speaker).find((id) => index.actors.has(id));
  const actor = (spoken ? index.actors.get(spoken) : undefined) ?? d.actors[0];
  // The shortest item name fits the field best.
  const things = d.aid.length ? d.aid.map((a) => a.item) : d.events.map((e) => e.title);
  const thing = things.reduce<string | undefined>((best, t) => (best === undefined || t.length < best.length ? t : best), undefined);
  const search = [actor ? surname(actor.name) : '', thing ? clipText(thing, 24) : ''].filter(Boolean);
  const withAlias = d.actors.find((a) => a.aliases.length > 0);
  const actorExample = withAlias ? withAlias.aliases[0] : actor?.name;
  return {
    search: search.length ? `e.g. ${search.join(', ')}` : '',
    actor: actorExample ? `e.g. ${clipText(actorExample, 28)}` : '',
  };
}
