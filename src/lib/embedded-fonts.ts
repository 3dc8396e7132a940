/** Font embedding for images made from the page (panel exports, the tray's brief). */

import { blobDataUrl } from './data-url';

let fontCss: Promise<string> | null = null;

/**
 * The page's own @font-face rules with each font file inlined as a data: URL, made once. Handing
 * these to modern-screenshot keeps it from resolving relative font URLs with a <base> element,
 * which the page's Content-Security-Policy (base-uri 'none') refuses.
 */
export function embeddedFontCss(): Promise<string> {
  fontCss ??= (async () => {
    const faces: { css: string; base: string }[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSFontFaceRule) faces.push({ css: rule.cssText, base: sheet.href ?? document.baseURI });
      }
    }
    const inlined = await Promise.all(
      faces.map(async ({ css, base }) => {
        let out = css;
        for (const [raw, , url] of css.matchAll(/url\((['"]?)([^'")]+)\1\)/g)) {
          if (url.startsWith('data:')) continue;
          try {
            const res = await fetch(new URL(url, base), { cache: 'force-cache' });
            if (!res.ok) return '';
            out = out.replace(raw, `url("${await blobDataUrl(await res.blob(), 'A font')}")`);
          } catch {
            return '';
          }
        }
        return out;
      }),
    );
    return inlined.filter(Boolean).join('\n');
  })();
  return fontCss;
}
