import { deflateSync, inflateSync } from 'fflate';
import { known, LINK_MAX, readItems, TRAY_LIMIT, unchanged, type SharedResult, type TrayItem } from './tray-storage';
import { clipGraphemes } from '../../lib/graphemes';
import { formatCount } from '../../lib/format';

// Apart from tray-storage, so the deflate code loads only when a link is made or a `#tray=` fragment is read.

const LINK_VERSION = 1;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * `v1.` and the pins as `[[id, note?], { panel, view, note?, headline? }, …]`, deflated and base64url-encoded. Any
 * text survives, even half a surrogate pair. A reader that knows no pinned panels skips them as odd pins.
 */
export function encodeTrayFragment(items: readonly TrayItem[]): string {
  const compact = items.slice(0, TRAY_LIMIT).map((i) => {
    const note = i.note.trim();
    if (i.panel)
      return {
        panel: i.panel.panel,
        view: i.panel.view,
        ...(note ? { note } : {}),
        ...(i.panel.headline ? { headline: i.panel.headline } : {}),
      };
    return note ? [i.id, note] : [i.id];
  });
  return `v${LINK_VERSION}.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(compact)), { level: 9 }))}`;
}

export function decodeTrayFragment(raw: string, isKnown: (id: string) => boolean): SharedResult {
  const fail = (why: string): SharedResult => ({ items: [], notices: [`The shared tray in the link ${why}; ${unchanged}.`], failed: true });
  if (raw.length > LINK_MAX)
    return fail(`is too long (${formatCount(raw.length)} characters; at most ${formatCount(LINK_MAX)} are read)`);
  const m = /^v(\d{1,6})\.(.*)$/s.exec(raw);
  if (!m) return fail('is damaged (it does not start with a version such as “v1.”)');
  if (Number(m[1]) !== LINK_VERSION) return fail(`was made by another version of the dashboard (v${clipGraphemes(m[1], 8)})`);
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflateSync(fromBase64Url(m[2]))));
  } catch {
    return fail('is damaged (it may have been cut short when copied)');
  }
  if (!Array.isArray(list)) return fail('is damaged (no list of pins)');
  const { items, odd } = readItems(list.map((e) => (Array.isArray(e) ? { id: e[0], ...(e.length > 1 ? { note: e[1] } : {}) } : e)));
  const r = known(items, isKnown, 'shared tray');
  if (odd.length) r.notices.push(`The shared tray had ${odd.join('; ')}.`);
  return { ...r, failed: false };
}
