const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * The longest start of `text` that fits in `max` UTF-16 units without splitting a character as the
 * reader sees it: never half a surrogate pair, an emoji without its modifier, or a letter without its
 * accent.
 */
export function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  // Printable ASCII on both sides of the cut: every boundary there is a character's.
  if (/^[\x20-\x7e]*$/.test(text.slice(Math.max(0, max - 1), max + 1))) return text.slice(0, max);
  if (!segmenter) {
    const end = max > 0 && /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
    return text.slice(0, end);
  }
  let end = 0;
  // No grapheme is anywhere near this long: the segmenter need not see a 50 MB string whole.
  for (const { segment, index } of segmenter.segment(text.slice(0, max + 64))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `text` cut to at most `max` units with an ellipsis when it was longer. */
export function clipGraphemes(text: string, max: number): string {
  return text.length > max ? `${cutGraphemes(text, max - 1).trimEnd()}…` : text;
}
