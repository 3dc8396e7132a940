import type PptxGenJS from 'pptxgenjs';
import { maxOf } from '../lib/bounds';
import { THEME } from '../lib/palette';
import { footnoteSource, moreText, type Slide, type SlideBlock, type SlideItem } from './slide-model';

type Run = PptxGenJS.TextProps;
type Deck = PptxGenJS;
type PptSlide = PptxGenJS.Slide;

// The PowerPoint page is 13.333 × 7.5 in; one CSS pixel of the 1920-wide DOM slide is this many inches.
const W = 13.333;
const H = 7.5;
const PX = W / 1920;
/** Points for a size given in the DOM slide's pixels, so both renderers keep one scale of type. */
const pt = (px: number) => Math.round(px * PX * 72 * 10) / 10;
const hex = (c: string) => c.replace('#', '').toUpperCase();
const C = { text: hex(THEME.text.light), muted: hex(THEME.muted.light), accent: hex(THEME.accent.light), line: hex(THEME.line.light) };
const FONT = 'Calibri';
const MARGIN = 96 * PX;
const GAP = 64 * PX;
const COL = (W - 2 * MARGIN - GAP) / 2;

const cite = (ns: readonly number[]): Run[] =>
  ns.length ? [{ text: ns.map((n) => `[${n}]`).join(''), options: { superscript: true, color: C.accent, fontSize: pt(18) } }] : [];

function itemRuns(items: readonly SlideItem[], more: number, size = 26): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    runs.push({ text: it.text, options: { bullet: { indent: 14 }, fontSize: pt(size), color: C.text } });
    for (const r of cite(it.cites)) runs.push(r);
    if (it.detail) runs.push({ text: ` · ${it.detail}`, options: { fontSize: pt(size - 4), color: C.muted } });
    runs[runs.length - 1].options = { ...runs[runs.length - 1].options, breakLine: true };
  }
  if (more) runs.push({ text: moreText(more), options: { italic: true, color: C.muted, fontSize: pt(22), breakLine: true } });
  return runs;
}

function blockRuns(b: SlideBlock): Run[] {
  const title: Run[] =
    'title' in b && b.title ? [{ text: b.title.toUpperCase(), options: { bold: true, color: C.accent, fontSize: pt(22), breakLine: true } }] : [];
  switch (b.kind) {
    case 'text':
      return [...title, { text: b.quoted ? `“${b.text}”` : b.text, options: { fontSize: pt(b.quoted ? 30 : 26), color: C.text } }, ...cite(b.cites)];
    case 'facts':
      return [
        ...title,
        ...b.facts.flatMap((f): Run[] => [
          { text: `${f.label}: `, options: { color: C.muted, fontSize: pt(26) } },
          { text: f.value, options: { bold: true, color: C.text, fontSize: pt(26), breakLine: true } },
        ]),
      ];
    case 'list':
      return [...title, ...itemRuns(b.items, b.more)];
    case 'quotes':
      return [
        ...title,
        ...b.items.flatMap((q): Run[] => [
          { text: q.words, options: { fontSize: pt(26), color: C.text } },
          ...cite(q.cites),
          { text: '', options: { breakLine: true } },
          { text: q.who, options: { fontSize: pt(22), color: C.muted, breakLine: true } },
        ]),
        ...(b.more ? [{ text: moreText(b.more), options: { italic: true, color: C.muted, fontSize: pt(22), breakLine: true } }] : []),
      ];
    default:
      return title;
  }
}

/** Inches a block of runs takes in a column: lines estimated from characters per line at its size. */
function heightOf(runs: readonly Run[], width: number): number {
  let h = 0;
  let line = '';
  let size = pt(26);
  const flush = () => {
    const perLine = Math.max(10, Math.floor((width * 72) / (size * 0.5)));
    h += Math.max(1, Math.ceil(line.length / perLine)) * ((size * 1.3) / 72);
    line = '';
  };
  for (const r of runs) {
    size = Math.max(size, r.options?.fontSize ?? 0);
    line += r.text ?? '';
    if (r.options?.breakLine) {
      flush();
      size = 0;
    }
  }
  if (line) flush();
  return h + 22 * PX;
}

function addChart(deck: Deck, s: PptSlide, b: Extract<SlideBlock, { kind: 'chart' }>, y: number, h: number) {
  if (b.title) s.addText(b.title.toUpperCase(), { x: MARGIN, y, w: W - 2 * MARGIN, h: 0.3, bold: true, color: C.accent, fontSize: pt(22), fontFace: FONT });
  s.addChart(
    deck.ChartType.bar,
    // Horizontal bars are drawn from the bottom up: reversed, they read top down as on the DOM slide.
    b.chart.series.map((x) => ({ name: x.name, labels: [...b.chart.categories].reverse(), values: [...x.values].reverse() })),
    {
      x: MARGIN,
      y: y + 0.32,
      w: W - 2 * MARGIN,
      h: h - 0.32,
      barDir: 'bar',
      chartColors: [hex(THEME['series-1'].light)],
      showValue: true,
      catAxisLabelFontSize: pt(22),
      valAxisLabelFontSize: pt(18),
      dataLabelFontSize: pt(20),
      showLegend: false,
    },
  );
  return h;
}

function addTable(s: PptSlide, b: Extract<SlideBlock, { kind: 'table' }>, y: number, h: number) {
  const cell = (items: readonly SlideItem[], more: number): PptxGenJS.TableCell => ({
    text: [
      ...items.flatMap((it): Run[] => [
        { text: it.text, options: { fontSize: pt(22), color: C.text } },
        ...cite(it.cites),
        ...(it.detail ? [{ text: ` · ${it.detail}`, options: { fontSize: pt(19), color: C.muted } }] : []),
        { text: '', options: { breakLine: true } },
      ]),
      ...(more ? [{ text: moreText(more), options: { italic: true, fontSize: pt(19), color: C.muted } }] : []),
    ],
  });
  const rows: PptxGenJS.TableRow[] = [
    b.head.map((t) => ({ text: t, options: { bold: true, fontSize: pt(24), color: C.text } })),
    ...b.rows.map((r) => [
      { text: r.label, options: { bold: true, fontSize: pt(22), color: C.muted } },
      ...r.cells.map((c, i) => cell(c, r.more[i] ?? 0)),
    ]),
  ];
  const first = 250 * PX;
  const rest = (W - 2 * MARGIN - first) / Math.max(1, b.head.length - 1);
  s.addTable(rows, {
    x: MARGIN,
    y,
    w: W - 2 * MARGIN,
    colW: [first, ...b.head.slice(1).map(() => rest)],
    fontFace: FONT,
    valign: 'top',
    border: { type: 'solid', pt: 0.5, color: C.line },
    margin: 0.04,
    autoPage: false,
  });
  return h;
}

function writeSlide(deck: Deck, slide: Slide) {
  const s = deck.addSlide();
  s.background = { color: 'FFFFFF' };
  const title = slide.kind === 'title';
  let y = title ? 184 * PX : 64 * PX;
  const headH = (title ? 80 : 58) * 1.12 * PX * (slide.headline.length > (title ? 40 : 60) ? 2 : 1) + 0.1;
  s.addText(slide.headline, { x: MARGIN, y, w: W - 2 * MARGIN, h: headH, fontSize: pt(title ? 80 : 58), bold: true, color: C.text, fontFace: FONT, valign: 'top', margin: 0, fit: 'shrink' });
  y += headH;
  s.addText(slide.subhead, { x: MARGIN, y, w: W - 2 * MARGIN, h: 0.36, fontSize: pt(28), color: C.muted, fontFace: FONT, valign: 'top', margin: 0 });
  y += 0.4;
  if (slide.note) {
    s.addText(slide.note, { x: MARGIN, y, w: W - 2 * MARGIN, h: 0.36, fontSize: pt(26), italic: true, color: C.text, fontFace: FONT, fill: { color: hex(THEME['panel-2'].light) }, margin: 0.06 });
    y += 0.42;
  }
  s.addShape(deck.ShapeType.line, { x: MARGIN, y: y + 0.04, w: W - 2 * MARGIN, h: 0, line: { color: C.accent, width: 3 } });
  y += 0.2;

  const footY = H - 0.42;
  const half = Math.ceil(slide.footnotes.length / 2);
  const fnLine = (f: Slide['footnotes'][number]): Run[] => [
    { text: `[${f.n}] `, options: { bold: true, color: C.accent, fontSize: pt(slide.kind === 'sources' ? 22 : 19) } },
    { text: `${footnoteSource(f)}: “${f.excerpt}”`, options: { color: C.text, fontSize: pt(slide.kind === 'sources' ? 22 : 19), breakLine: true } },
  ];
  const fnCols = [slide.footnotes.slice(0, half), slide.footnotes.slice(half)];
  const fnRuns = fnCols.map((col) => col.flatMap(fnLine));
  if (slide.moreFootnotes) fnRuns[1].push({ text: `${moreText(slide.moreFootnotes)} citations, in full in the notes`, options: { italic: true, color: C.muted, fontSize: pt(19) } });
  const fnH = slide.kind === 'sources' ? footY - y - 0.1 : maxOf(fnRuns.map((r) => (r.length ? heightOf(r, COL) : 0)));
  const fnY = footY - 0.08 - fnH;
  fnRuns.forEach((runs, i) => {
    if (runs.length) s.addText(runs, { x: MARGIN + i * (COL + GAP), y: fnY, w: COL, h: fnH, fontFace: FONT, valign: 'top', margin: 0, paraSpaceAfter: 3 });
  });

  // Blocks flow down the first column, then the second, as the DOM slide's columns do.
  const bottom = slide.footnotes.length ? fnY - 0.12 : footY - 0.12;
  let col = 0;
  let cy = y;
  for (const b of slide.blocks) {
    if (b.kind === 'chart' || b.kind === 'table') {
      const top = col === 0 ? cy : Math.max(cy, y);
      if (b.kind === 'chart') addChart(deck, s, b, top, Math.min(bottom - top, 0.5 + b.chart.categories.length * 0.42));
      else addTable(s, b, top, bottom - top);
      cy = bottom;
      continue;
    }
    const runs = blockRuns(b);
    const width = title ? W - 2 * MARGIN : COL;
    const h = heightOf(runs, width);
    if (!title && col === 0 && cy + h > bottom && cy > y) {
      col = 1;
      cy = y;
    }
    s.addText(runs, { x: MARGIN + col * (COL + GAP), y: cy, w: width, h: Math.min(h, bottom - cy), fontFace: FONT, valign: 'top', margin: 0, paraSpaceAfter: 4 });
    cy += h;
  }

  s.addShape(deck.ShapeType.line, { x: MARGIN, y: footY, w: W - 2 * MARGIN, h: 0, line: { color: C.line, width: 1 } });
  s.addText(slide.footer.sources, { x: MARGIN, y: footY + 0.04, w: (W - 2 * MARGIN) * 0.6, h: 0.34, fontSize: pt(18), color: C.muted, fontFace: FONT, valign: 'top', margin: 0 });
  s.addText(`${slide.footer.dataset} · ${slide.footer.madeAt}`, { x: MARGIN + (W - 2 * MARGIN) * 0.6, y: footY + 0.04, w: (W - 2 * MARGIN) * 0.4, h: 0.34, fontSize: pt(18), color: C.muted, fontFace: FONT, align: 'right', valign: 'top', margin: 0 });
  s.addNotes(slide.notes);
}

/** Slides as a PowerPoint file: editable text boxes, native charts and tables, every citation in the notes. */
export async function slidesPptx(slides: readonly Slide[], title: string): Promise<Blob> {
  const { default: PptxGen } = await import('pptxgenjs');
  const deck = new PptxGen();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = title;
  for (const slide of slides) writeSlide(deck, slide);
  const out = await deck.write({ outputType: 'blob' });
  return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
