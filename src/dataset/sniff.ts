/** What a file is, by its first bytes, when it is plainly not text. */
const SIGNATURES: { bytes: (number | null)[]; what: string }[] = [
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word, Excel or similar document)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { bytes: [0x00, 0x00, 0x00, null, 0x66, 0x74, 0x79, 0x70], what: 'an MP4 or QuickTime video' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
];

/** Enough of a file's start to tell what it is. */
export const SNIFF_BYTES = 16;

/** "a JPEG image", or null when the bytes do not start like a known binary format. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) {
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => b === null || bytes[i] === b)) return s.what;
  }
  return null;
}

const hex = (bytes: Uint8Array) => Array.from(bytes.subarray(0, 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** Why these bytes are not a UTF-8 text, or null when they are one. */
export function notText(bytes: Uint8Array): string | null {
  const kind = binaryKind(bytes);
  if (kind) return `this is ${kind} (it starts with the bytes ${hex(bytes)}), not text`;
  const head = bytes.subarray(0, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'it is UTF-16 encoded; save it as UTF-8';
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (nul > 0) {
    // ASCII saved as UTF-16 has a NUL in every other byte; anything else with NULs is binary.
    return nul * 3 >= head.length ? 'it is UTF-16 encoded; save it as UTF-8' : 'it is a binary file, not text';
  }
  return null;
}

/** Decodes UTF-8 strictly; null when the bytes are not valid UTF-8 (a file saved as Windows-1252, say). */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A web page where a plain article text was expected: what a server sends that answers every path with its index page. */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|script[\s>]|title>)/i.test(text);
}

/**
 * Checks an article text as a dataset is checked: UTF-8 text, not a web page or a binary file.
 * Returns the text, or why it cannot be one.
 */
export function articleText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; why: string } {
  const bad = notText(bytes);
  if (bad) return { ok: false, why: bad };
  const text = strictUtf8(bytes);
  if (text === null) return { ok: false, why: 'it is not UTF-8 text (another encoding, such as Windows-1252?); save it as UTF-8' };
  if (looksLikeHtml(text)) {
    return {
      ok: false,
      why: 'it is an HTML page, not an article text (a server that answers every path with its own page sends one for a missing file)',
    };
  }
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
