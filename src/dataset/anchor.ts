/** An excerpt with the optional words around it that pick one occurrence (a TextQuoteSelector). */
export interface Quote {
  excerpt: string;
  prefix?: string;
  suffix?: string;
}

export interface Anchor {
  /** Where the cited occurrence starts, or -1 when the text does not contain the excerpt. */
  at: number;
  /** How many other times the excerpt occurs in the text (counted up to `stopAfter` when given). */
  others: number;
  /** Whether a prefix or suffix picked the occurrence (false: the first, by default). */
  selected: boolean;
}

/** The occurrence a citation means: the one its prefix and suffix fit, else the first. */
export function anchor(text: string, q: Quote, stopAfter = Infinity): Anchor {
  const { excerpt, prefix, suffix } = q;
  if (!excerpt) return { at: -1, others: 0, selected: false };
  let first = -1;
  let picked = -1;
  let count = 0;
  for (let at = text.indexOf(excerpt); at !== -1; at = text.indexOf(excerpt, at + 1)) {
    count++;
    if (count > stopAfter && (picked >= 0 || !(prefix || suffix))) break;
    if (first < 0) first = at;
    if (picked < 0 && (prefix || suffix)) {
      const before = !prefix || text.slice(Math.max(0, at - prefix.length), at) === prefix;
      const after = !suffix || text.startsWith(suffix, at + excerpt.length);
      if (before && after) picked = at;
    }
  }
  return { at: picked >= 0 ? picked : first, others: Math.max(0, count - 1), selected: picked >= 0 };
}
