/**
 * Every colour of the app by meaning, in one typed place. `paletteCss()` turns it into the custom
 * properties of src/lib/palette.css (generated, committed; a unit test fails when it is out of date),
 * so CSS, the charts, image exports and print all read these same values.
 */

export interface ThemePair {
  light: string;
  dark: string;
}

const pair = (light: string, dark: string): ThemePair => ({ light, dark });

/** The page itself; names are the custom properties (`--bg`, `--panel`, …). */
export const THEME = {
  bg: pair('#f3f4f6', '#101318'),
  panel: pair('#ffffff', '#181c23'),
  'panel-2': pair('#f8f9fb', '#1f242c'),
  text: pair('#1b1f24', '#e6e9ee'),
  muted: pair('#57606a', '#a3acb8'),
  line: pair('#d8dde3', '#323a45'),
  grid: pair('#e7eaee', '#262d36'),
  accent: pair('#1d5fbf', '#7fb0ff'),
  'accent-soft': pair('#a9c4ec', '#3c5d8f'),
  mark: pair('#ffe58a', '#6b5a12'),
  warn: pair('#8a4b00', '#ffc46b'),
  'warn-bg': pair('#fff4e0', '#3a2a10'),
  ok: pair('#237032', '#69db7c'),
  danger: pair('#b3261e', '#ff8a80'),
  'series-1': pair('#1d5fbf', '#7fb0ff'),
  'series-2': pair('#d9480f', '#ff9b66'),
  focus: pair('#1d5fbf', '#7fb0ff'),
} as const satisfies Record<string, ThemePair>;

/**
 * Event kinds of the default vocabulary. One value for both themes: each carries white text at 4.5:1
 * or more (kind tags) and stands at 3:1 or more against both themes' panel backgrounds (chart marks).
 */
export const EVENT_KIND_COLOR = {
  call: '#c2410c',
  meeting: '#b63dce',
  visit: '#0b8566',
  summit: '#1c6dc0',
  announcement: '#21863b',
  statement: '#3b5bdb',
  interview: '#0b7285',
  appointment: '#8e57db',
  legal: '#c2255c',
  vote: '#937008',
  sanction: '#d92780',
  exercise: '#627e0e',
  deployment: '#b35c00',
  strike: '#c92a2a',
  other: '#6c757d',
} as const satisfies Record<string, string>;

/** For kinds a dataset declares beyond the default ones, handed out in order (same contrast as above). */
export const CATEGORICAL = [
  '#1c6dc0',
  '#c2410c',
  '#21863b',
  '#8e57db',
  '#0b7285',
  '#d92780',
  '#937008',
  '#ae603a',
  '#448417',
  '#db314d',
] as const;

/** Aid statuses of the default vocabulary; text colours, so each reads on its theme's panel. */
export const AID_STATUS_COLOR = {
  announced: THEME.accent,
  planned: THEME.warn,
  'in-effect': THEME.ok,
  delivered: THEME.ok,
  reported: THEME.muted,
} as const satisfies Record<string, ThemePair>;

/** Statuses a dataset declares beyond the default ones. */
export const AID_STATUS_FALLBACK: ThemePair = THEME.text;

/** How an outlet covers a fact, in the source coverage matrix. */
export const COVERAGE_COLOR = {
  verbatim: pair('#1e6b2f', '#69db7c'),
  paraphrase: pair('#1d5fbf', '#7fb0ff'),
  reports: pair('#495057', '#ced4da'),
  differs: pair('#8a4b00', '#ffc46b'),
} as const satisfies Record<string, ThemePair>;

/** A fact's credibility (Admiralty code, 1 best), as text and border colour beside its code, never alone. */
export const CREDIBILITY_COLOR = {
  1: pair('#1e6b2f', '#69db7c'),
  2: pair('#2b6a2f', '#8ce99a'),
  3: pair('#1d5fbf', '#7fb0ff'),
  4: pair('#8a4b00', '#ffc46b'),
  5: pair('#b3261e', '#ff8a80'),
  6: pair('#57606a', '#a3acb8'),
} as const satisfies Record<number, ThemePair>;

export type PaletteGroup = 'kind' | 'cat' | 'status' | 'cov' | 'cred';

/** The custom property that carries one palette colour, e.g. `--kind-call`. */
export function paletteVar(group: PaletteGroup, name: string | number): string {
  return `--${group}-${name}`;
}

function declarations(theme: 'light' | 'dark', overrides: Partial<Record<keyof typeof THEME, string>> = {}): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(THEME)) out.push(`--${name}: ${overrides[name as keyof typeof THEME] ?? value[theme]};`);
  if (theme === 'light') {
    for (const [name, value] of Object.entries(EVENT_KIND_COLOR)) out.push(`${paletteVar('kind', name)}: ${value};`);
    CATEGORICAL.forEach((value, i) => out.push(`${paletteVar('cat', i + 1)}: ${value};`));
  }
  for (const [name, value] of Object.entries(AID_STATUS_COLOR)) out.push(`${paletteVar('status', name)}: ${value[theme]};`);
  for (const [name, value] of Object.entries(COVERAGE_COLOR)) out.push(`${paletteVar('cov', name)}: ${value[theme]};`);
  for (const [name, value] of Object.entries(CREDIBILITY_COLOR)) out.push(`${paletteVar('cred', name)}: ${value[theme]};`);
  return out;
}

const block = (selector: string, lines: string[], indent = '') =>
  `${indent}${selector} {\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}}\n`;

/** The text of src/lib/palette.css. */
export function paletteCss(): string {
  return [
    '/* Generated from src/lib/palette.ts by `npm run palette`; do not edit. */\n',
    block(':root', declarations('light')),
    `@media (prefers-color-scheme: dark) {\n${block(':root:not(.theme-light)', declarations('dark'), '  ')}}\n`,
    // Paper is white whatever the screen's theme.
    `@media print {\n${block(':root,\n  :root:not(.theme-light)', ['color-scheme: light;', ...declarations('light', { bg: THEME.panel.light })], '  ')}}\n`,
  ].join('\n');
}
