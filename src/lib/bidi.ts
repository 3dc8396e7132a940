/** Bidi controls and right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const BIDI =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;

/**
 * Dataset text set inside the app's own words ("<outlet>, Jul 2024") between FIRST STRONG ISOLATE
 * and POP DIRECTIONAL ISOLATE, so an unclosed U+202E or a right-to-left name cannot reorder the
 * words after it. Plain left-to-right text is returned as it is.
 */
export function isolate(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text;
}
