import { z } from 'zod';
import { ID_PATTERN } from '../../dataset/schema';

export const TRAY_LIMIT = 50;
export const NOTE_MAX = 200;
/** A shared link longer than this is refused rather than half-read. */
export const LINK_MAX = 8000;

const TrayItemSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN),
  note: z.string().max(NOTE_MAX),
});

const StoredTray = z.strictObject({
  version: z.literal(1),
  items: z.array(TrayItemSchema).max(TRAY_LIMIT),
});

export type TrayItem = z.infer<typeof TrayItemSchema>;

export interface ReadResult {
  items: TrayItem[];
  notices: string[];
}

/** One tray per dataset, so ids of one story never turn up as unknown records in another. */
export function trayKey(datasetTitle: string): string {
  return `briefing-tray:v1:${datasetTitle}`;
}

/** A note is one line of plain text. */
export function cleanNote(note: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  return note.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, NOTE_MAX);
}

function dedupe(items: readonly TrayItem[]): TrayItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && (seen.add(i.id), true));
}

/** Reads the saved tray; anything unreadable is ignored with a notice, never thrown. */
export function readTray(storage: Pick<Storage, 'getItem'> | null, key: string): ReadResult {
  let raw: string | null;
  try {
    raw = storage ? storage.getItem(key) : null;
  } catch {
    return { items: [], notices: ['The saved briefing tray could not be read in this browser; starting with an empty tray.'] };
  }
  if (raw === null) return { items: [], notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { items: [], notices: ['The saved briefing tray was damaged and has been ignored.'] };
  }
  const result = StoredTray.safeParse(parsed);
  if (!result.success) return { items: [], notices: ['The saved briefing tray was not in the expected form and has been ignored.'] };
  return { items: dedupe(result.data.items), notices: [] };
}

/** Saves the tray; returns a notice when the browser refuses (private mode, full storage). */
export function writeTray(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, key: string, items: readonly TrayItem[]): string | null {
  if (!storage) return 'This browser does not keep the tray; it will be lost on reload.';
  try {
    if (items.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ version: 1, items }));
    return null;
  } catch {
    return 'The tray could not be saved in this browser; it will be lost on reload.';
  }
}

/**
 * `id~note,id,id~note`: ids cannot hold `~` or `,`, and each note is percent-encoded, so any text
 * survives; URLSearchParams encodes the whole value once more.
 */
export function encodeTrayLink(items: readonly TrayItem[]): string {
  return items
    .slice(0, TRAY_LIMIT)
    .map((i) => (i.note.trim() ? `${i.id}~${encodeURIComponent(i.note.trim())}` : i.id))
    .join(',');
}

export function decodeTrayLink(raw: string, isKnown: (id: string) => boolean): ReadResult {
  const notices: string[] = [];
  if (raw.length > LINK_MAX) return { items: [], notices: ['The shared tray in the link is too long and has been ignored.'] };
  const parts = raw.split(',').filter((p) => p.trim() !== '');
  if (parts.length > TRAY_LIMIT) notices.push(`The shared tray lists ${parts.length} records; only the first ${TRAY_LIMIT} were loaded.`);
  const unknown: string[] = [];
  let badNotes = 0;
  const items: TrayItem[] = [];
  for (const part of parts.slice(0, TRAY_LIMIT)) {
    const cut = part.indexOf('~');
    const id = (cut < 0 ? part : part.slice(0, cut)).trim();
    if (!ID_PATTERN.test(id) || !isKnown(id)) {
      unknown.push(id.length > 40 ? `${id.slice(0, 39)}…` : id);
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
