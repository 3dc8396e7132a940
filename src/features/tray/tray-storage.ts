import { PANEL_IDS } from '../../dataset/panel-layout';
import type { Dataset } from '../../dataset/schema';
import { ID_PATTERN, RECORD_TYPES } from '../../dataset/formats';
import type { PinnedPanel } from '../../components/pin-button';
import type { DeckItem } from '../../export/deck';
import { clipGraphemes, cutGraphemes } from '../../lib/graphemes';
import { formatCount } from '../../lib/format';

export const TRAY_LIMIT = 50;
export const NOTE_MAX = 200;
/** A share link (the whole address) longer than this is not offered, and an incoming one is refused rather than half-read. */
export const LINK_MAX = 8000;
/** A tray file larger than this is not read. */
export const TRAY_FILE_MAX = 1_000_000;
/** The fragment key of a shared tray: `#tray=v1.<deflated JSON, base64url>`. A fragment never reaches a server. */
export const TRAY_FRAGMENT = 'tray';
const FILE_FORMAT = 'briefing-tray';
/** Saved trays and tray files: version 2 may hold pinned panels; version 1 (records only) is still read. */
const STORE_VERSION = 2;
const READ_VERSIONS = [1, 2];
/** A pinned panel's view is a short query string; anything longer is not a view this dashboard wrote. */
export const PANEL_VIEW_MAX = 1000;

/**
 * A pin: a record by its id, or a panel with the view it was pinned with. A panel's `id` is its key
 * (`panelPinKey`), never stored: it starts with `@`, which no record id can, and tells apart one panel
 * pinned under two sets of filters.
 */
export type TrayItem = DeckItem;

export function panelPinKey(pin: PinnedPanel): string {
  return `@${pin.panel}?${pin.view}`;
}

export function panelItem(pin: PinnedPanel, note = ''): TrayItem {
  const headline = pin.headline ? cleanHeadline(pin.headline) : '';
  return { id: panelPinKey(pin), note, panel: { panel: pin.panel, view: pin.view, ...(headline ? { headline } : {}) } };
}

/** The stored form of a pin: `{ id, note }` or `{ panel, view, note, headline? }`. */
function stored(item: TrayItem): Record<string, string> {
  return item.panel
    ? { panel: item.panel.panel, view: item.panel.view, note: item.note, ...(item.panel.headline ? { headline: item.panel.headline } : {}) }
    : { id: item.id, note: item.note };
}

export interface ReadResult {
  items: TrayItem[];
  notices: string[];
}

/** A tray read from a link or a file; `failed` when nothing could be read, so the local tray stays. */
export interface SharedResult extends ReadResult {
  failed: boolean;
}

type ReadableStorage = Pick<Storage, 'getItem'> & Partial<Pick<Storage, 'setItem'>>;

/** 32-bit FNV-1a, twice with different seeds: a cheap identity for a dataset's records. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Which dataset a tray belongs to: its `id` where it declares one, else a hash of its record ids.
 * Never the title, which two different datasets may share.
 */
export function datasetIdentity(dataset: Pick<Dataset, 'id' | (typeof RECORD_TYPES)[number]>): string {
  if (dataset.id) return `id:${dataset.id}`;
  const ids = RECORD_TYPES.map((t) => `${t}:${dataset[t].map((r) => r.id).join(',')}`).join('\n');
  return `records:${hash(ids)}`;
}

export function trayKey(identity: string): string {
  return `briefing-tray:v2:${identity}`;
}

/** Where trays were kept by title before; read once when a dataset has no tray of its own yet. */
export function legacyTrayKey(title: string): string {
  return `briefing-tray:v1:${title}`;
}

/** A saved tray that could not be read whole is copied here before anything else is written. */
export function backupKey(key: string): string {
  return `${key}:backup`;
}

/** A slide's headline is at most this long (the slide dialog's field holds no more). */
export const HEADLINE_MAX = 160;

/** A headline, as a note, is one line of plain text, cut between characters, never inside one. */
export function cleanHeadline(headline: string): string {
  return cutGraphemes(withoutControls(headline).slice(0, HEADLINE_MAX * 2).trim(), HEADLINE_MAX);
}

/** A note is one line of plain text, cut between characters, never inside one. */
export function cleanNote(note: string): string {
  return cutGraphemes(withoutControls(note).slice(0, NOTE_MAX * 2), NOTE_MAX);
}

// eslint-disable-next-line no-control-regex -- control characters are what this strips
const withoutControls = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ');

function dedupe(items: readonly TrayItem[]): TrayItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && (seen.add(i.id), true));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Pins from stored or shared data, one at a time: one odd pin never costs the others. */
export function readItems(list: unknown): { items: TrayItem[]; odd: string[] } {
  if (!Array.isArray(list)) return { items: [], odd: ['no list of pins'] };
  const odd: string[] = [];
  const items: TrayItem[] = [];
  let badIds = 0;
  let badPanels = 0;
  let longNotes = 0;
  let badNotes = 0;
  let badHeadlines = 0;
  const extra = new Set<string>();
  for (const entry of list.slice(0, TRAY_LIMIT)) {
    const e = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : null;
    const isPanel = e !== null && 'panel' in e && !('id' in e);
    if (isPanel && !isPanelPin(e)) {
      badPanels++;
      continue;
    }
    if (!e || (!isPanel && (typeof e.id !== 'string' || !ID_PATTERN.test(e.id)))) {
      badIds++;
      continue;
    }
    const fields = isPanel ? ['panel', 'view', 'note', 'headline'] : ['id', 'note'];
    for (const k of Object.keys(e)) if (!fields.includes(k)) extra.add(clipGraphemes(k, 40));
    let note = '';
    if (typeof e.note === 'string') {
      note = cleanNote(e.note);
      if (note.length < e.note.length) longNotes++;
    } else if (e.note !== undefined) badNotes++;
    // Trays stored before headlines were kept have none: the slide's own is used.
    const headline = isPanel && typeof e.headline === 'string' ? e.headline : undefined;
    if (isPanel && e.headline !== undefined && headline === undefined) badHeadlines++;
    items.push(
      isPanel
        ? panelItem({ panel: e.panel as string, view: e.view as string, ...(headline ? { headline } : {}) }, note)
        : { id: e.id as string, note },
    );
  }
  if (list.length > TRAY_LIMIT) odd.push(`${list.length} pins where ${TRAY_LIMIT} fit (the first ${TRAY_LIMIT} were kept)`);
  if (badIds) odd.push(`${plural(badIds, 'pin')} without a readable record id`);
  if (badPanels) odd.push(`${plural(badPanels, 'pinned panel')} of no panel this dashboard has, or without a readable view`);
  if (longNotes) odd.push(`${plural(longNotes, 'note')} over ${NOTE_MAX} characters (cut to fit)`);
  if (badNotes) odd.push(`${plural(badNotes, 'note')} that ${badNotes === 1 ? 'was' : 'were'} not text (left empty)`);
  if (badHeadlines)
    odd.push(`${plural(badHeadlines, 'headline')} that ${badHeadlines === 1 ? 'was' : 'were'} not text (the slide’s own kept)`);
  if (extra.size) odd.push(`unknown field${extra.size > 1 ? 's' : ''} ${[...extra].map((k) => `“${k}”`).join(', ')} (ignored)`);
  return { items: dedupe(items), odd };
}

function isPanelPin(e: Record<string, unknown>): boolean {
  return (
    typeof e.panel === 'string' &&
    (PANEL_IDS as readonly string[]).includes(e.panel) &&
    typeof e.view === 'string' &&
    e.view.length <= PANEL_VIEW_MAX &&
    // eslint-disable-next-line no-control-regex -- a view is a query string: no control characters
    !/[\u0000-\u001f\u007f]/.test(e.view)
  );
}

function keepBackup(storage: ReadableStorage, key: string, raw: string): boolean {
  try {
    storage.setItem?.(backupKey(key), raw);
    return storage.setItem !== undefined;
  } catch {
    return false;
  }
}

/**
 * Reads the saved tray; never throws and never discards it. Whatever cannot be read whole (damaged,
 * from a newer version, one odd pin) is read as far as it goes, copied to the backup key, and reported.
 */
export function readTray(storage: ReadableStorage | null, key: string): ReadResult {
  let raw: string | null;
  try {
    raw = storage ? storage.getItem(key) : null;
  } catch {
    return { items: [], notices: ['The saved briefing tray could not be read in this browser; starting with an empty tray.'] };
  }
  if (raw === null || !storage) return { items: [], notices: [] };
  const kept = () => (keepBackup(storage, key, raw) ? ' The saved copy is kept as a backup in this browser.' : '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { items: [], notices: [`The saved briefing tray is damaged and could not be read.${kept()}`] };
  }
  const saved = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  if (!saved || !Array.isArray(saved.items)) {
    return { items: [], notices: [`The saved briefing tray is not in the expected form and could not be read.${kept()}`] };
  }
  const { items, odd } = readItems(saved.items);
  const version = saved.version;
  if (typeof version !== 'number' || !READ_VERSIONS.includes(version)) {
    odd.unshift(
      typeof version === 'number' && version > STORE_VERSION
        ? `the form of a newer version of the dashboard (version ${version})`
        : 'no version this dashboard knows',
    );
  }
  const extra = Object.keys(saved).filter((k) => k !== 'version' && k !== 'items');
  if (extra.length)
    odd.push(`unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `“${clipGraphemes(k, 40)}”`).join(', ')} (ignored)`);
  if (!odd.length) return { items, notices: [] };
  return {
    items,
    notices: [`The saved briefing tray had ${odd.join('; ')}. ${plural(items.length, 'pin was', 'pins were')} read.${kept()}`],
  };
}

/** Saves the tray; returns a notice when the browser refuses (private mode, full storage). */
export function writeTray(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, key: string, items: readonly TrayItem[]): string | null {
  if (!storage) return 'This browser does not keep the tray; it will be lost on reload.';
  try {
    if (items.length === 0) storage.removeItem(key);
    else storage.setItem(key, serialiseTray(items));
    return null;
  } catch {
    return 'The tray could not be saved in this browser; it will be lost on reload.';
  }
}

export function serialiseTray(items: readonly TrayItem[]): string {
  return JSON.stringify({ version: STORE_VERSION, items: items.map(stored) });
}

/**
 * Another tab changed the saved tray: theirs is what it saved, base what this tab last saved or read,
 * ours what this tab holds now. Their order wins; pins this tab added since are kept at the end, pins
 * it removed stay removed, and a note edited here is kept.
 */
export function mergeTrays(base: readonly TrayItem[], ours: readonly TrayItem[], theirs: readonly TrayItem[]): TrayItem[] {
  const inBase = new Map(base.map((i) => [i.id, i]));
  const inOurs = new Map(ours.map((i) => [i.id, i]));
  const merged: TrayItem[] = [];
  for (const t of theirs) {
    const before = inBase.get(t.id);
    const mine = inOurs.get(t.id);
    if (before && !mine) continue; // removed here
    merged.push(mine && before && mine.note !== before.note ? mine : t);
  }
  const have = new Set(merged.map((i) => i.id));
  for (const o of ours) if (!inBase.has(o.id) && !have.has(o.id)) merged.push(o);
  return dedupe(merged).slice(0, TRAY_LIMIT);
}

/** Whether a pin belongs to the dataset: a record it has, or a panel (read already against the panels there are). */
export function isKnownPin(item: TrayItem, isKnown: (id: string) => boolean): boolean {
  return item.panel !== undefined || isKnown(item.id);
}

/** Shared pins against the dataset: unknown ids are reported, the rest kept in order. */
export function known(items: readonly TrayItem[], isKnown: (id: string) => boolean, what: string): ReadResult {
  const unknown = items.filter((i) => !isKnownPin(i, isKnown)).map((i) => clipGraphemes(i.id, 40));
  const notices = unknown.length
    ? [`Ignored unknown record${unknown.length > 1 ? 's' : ''} in the ${what}: ${unknown.map((u) => `“${u}”`).join(', ')}`]
    : [];
  return { items: items.filter((i) => isKnownPin(i, isKnown)), notices };
}

/** The value of `#tray=` in a location hash, or null. */
export function trayFragmentOf(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(TRAY_FRAGMENT);
}

export const unchanged = 'your tray is unchanged';

/**
 * The old `?tray=id~note,id` form: ids cannot hold `~` or `,`, and each note is percent-encoded.
 * Still read, so links made before the fragment form keep working.
 */
export function decodeTrayLink(raw: string, isKnown: (id: string) => boolean): ReadResult {
  const notices: string[] = [];
  if (raw.length > LINK_MAX)
    return { items: [], notices: [`The shared tray in the link is too long and could not be read; ${unchanged}.`] };
  const parts = raw.split(',').filter((p) => p.trim() !== '');
  if (parts.length > TRAY_LIMIT) notices.push(`The shared tray lists ${parts.length} records; only the first ${TRAY_LIMIT} were loaded.`);
  const unknown: string[] = [];
  let badNotes = 0;
  const items: TrayItem[] = [];
  for (const part of parts.slice(0, TRAY_LIMIT)) {
    const cut = part.indexOf('~');
    const id = (cut < 0 ? part : part.slice(0, cut)).trim();
    if (!ID_PATTERN.test(id) || !isKnown(id)) {
      unknown.push(clipGraphemes(id, 40));
      continue;
    }
    let note = '';
    if (cut >= 0) {
      try {
        note = cleanNote(decodeURIComponent(part.slice(cut + 1)));
      } catch {
        badNotes++;
      }
    }
    items.push({ id, note });
  }
  if (unknown.length)
    notices.push(`Ignored unknown record${unknown.length > 1 ? 's' : ''} in the shared tray: ${unknown.map((u) => `“${u}”`).join(', ')}`);
  if (badNotes)
    notices.push(
      `${badNotes} note${badNotes > 1 ? 's' : ''} in the shared tray could not be read and ${badNotes > 1 ? 'were' : 'was'} left empty.`,
    );
  return { items: dedupe(items), notices };
}

/** A tray file, for a tray whose link would be too long to send. */
export function trayFile(items: readonly TrayItem[], datasetTitle: string): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: STORE_VERSION, dataset: datasetTitle, items: items.map(stored) }, null, 2)}\n`;
}

export function readTrayFile(text: string, isKnown: (id: string) => boolean): SharedResult {
  const fail = (why: string): SharedResult => ({ items: [], notices: [`The tray file ${why}; ${unchanged}.`], failed: true });
  if (text.length > TRAY_FILE_MAX) return fail(`is too large (${formatCount(text.length)} characters)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('is not valid JSON');
  }
  const file = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  if (!file || file.format !== FILE_FORMAT || !Array.isArray(file.items)) return fail('is not a briefing tray file');
  if (typeof file.version !== 'number' || !READ_VERSIONS.includes(file.version))
    return fail(`was made by another version of the dashboard (version ${clipGraphemes(String(file.version), 8)})`);
  const { items, odd } = readItems(file.items);
  const r = known(items, isKnown, 'tray file');
  if (odd.length) r.notices.push(`The tray file had ${odd.join('; ')}.`);
  return { ...r, failed: false };
}
