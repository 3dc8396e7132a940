import type PptxGenJS from 'pptxgenjs';
import { maxOf } from '../lib/bounds';
import { moneyFormatCode, plural } from '../lib/format';
import { THEME } from '../lib/palette';
import { quoted } from '../records/names';
import { measureSlide, type Box, type SlideLayout } from './slide-png';
import { BAR, barRow, barValues } from './slide-view';
import { footnoteSource, moreText, type Slide, type SlideBlock, type SlideItem } from './slide-model';

type Run = PptxGenJS.TextProps;
type Deck = PptxGenJS;
type PptSlide = PptxGenJS.Slide;

// The PowerPoint page is 13.333 in wide (16:9); one CSS pixel of the 1920-wide DOM slide is this many inches.
const W = 13.333;
const PX = W / 1920;
/** Points for a size given in the DOM slide's pixels, so both renderers keep one scale of type. */
const pt = (px: number) => Math.round(px * PX * 72 * 10) / 10;
const hex = (c: string) => c.replace('#', '').toUpperCase();
const C = { text: hex(THEME.text.light), muted: hex(THEME.muted.light), accent: hex(THEME.accent.light), line: hex(THEME.line.light) };
// Arial is on every PowerPoint and LibreOffice (as its metric twin); Inter, the DOM slide's, may not be.
const FONT = 'Arial';
const MARGIN = 96 * PX;

const cite = (ns: readonly number[]): Run[] =>
  ns.length ? [{ text: ns.map((n) => `[${n}]`).join(''), options: { superscript: true, color: C.accent, fontSize: pt(18) } }] : [];

function itemRuns(items: readonly SlideItem[], more: number, size = 26): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    runs.push({ text: `▪ ${it.text}`, options: { fontSize: pt(size), color: C.text } });
    for (const r of cite(it.cites)) runs.push(r);
    if (it.detail) runs.push({ text: ` · ${it.detail}`, options: { fontSize: pt(size - 4), color: C.muted } });
    runs[runs.length - 1].options = { ...runs[runs.length - 1].options, breakLine: true };
  }
  if (more) runs.push({ text: moreText(more), options: { italic: true, color: C.muted, fontSize: pt(22), breakLine: true } });
  return runs;
}

function blockRuns(b: SlideBlock): Run[] {
  const title: Run[] =
    'title' in b && b.title
      ? [{ text: b.title.toUpperCase(), options: { bold: true, color: C.accent, fontSize: pt(22), breakLine: true } }]
      : [];
  switch (b.kind) {
    case 'text':
      return [
        ...title,
        { text: b.quoted ? quoted(b.text) : b.text, options: { fontSize: pt(b.quoted ? 30 : 26), color: C.text } },
        ...cite(b.cites),
      ];
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

/** A block without the entries the slide had no room for, those counted in its "and N more". */
function cutBlock(b: SlideBlock, n: number): SlideBlock {
  if (n <= 0) return b;
  switch (b.kind) {
    case 'list':
    case 'quotes': {
      const keep = Math.max(0, b.items.length - n);
      return { ...b, items: b.items.slice(0, keep), more: b.more + b.items.length - keep } as SlideBlock;
    }
    case 'table': {
      const keep = Math.max(0, b.rows.length - n);
      const cut = `and ${plural(b.rows.length - keep, 'more row')}`;
      return { ...b, rows: b.rows.slice(0, keep), more: b.more ? `${b.more}; ${cut}` : cut };
    }
    case 'facts':
      return { ...b, facts: b.facts.slice(0, Math.max(0, b.facts.length - n)) };
    default:
      return b;
  }
}

const inches = (b: Box) => ({ x: b.x * PX, y: b.y * PX, w: b.w * PX, h: b.h * PX });

function blockTitle(s: PptSlide, title: string | undefined, at: Box) {
  if (!title) return;
  const { x, y, w } = inches(at);
  s.addText(title.toUpperCase(), {
    x,
    y,
    w,
    h: 0.3,
    bold: true,
    color: C.accent,
    fontSize: pt(22),
    fontFace: FONT,
    margin: 0,
    valign: 'top',
  });
}

/** Bars as a native chart (editable, its data in the file); a figure as the picture the DOM slide drew. */
function addChart(deck: Deck, s: PptSlide, b: Extract<SlideBlock, { kind: 'chart' }>, at: Box, drawn: SlideLayout['charts'][number]) {
  blockTitle(s, b.title, at);
  const { chart } = b;
  if (!drawn) return;
  if (chart.type === 'figure') {
    if (drawn.png) s.addImage({ data: drawn.png, ...inches(drawn.box), altText: chart.alt });
    return;
  }
  const values = chart.series[0]?.values ?? [];
  const colors = chart.colors?.map((c) => hex(c.hex));
  const money = chart.currency ? moneyFormatCode(chart.currency, values) : undefined;
  // Described as the slide writes it, money as an amount, not the raw number.
  const written = barValues(chart);
  s.addChart(
    deck.ChartType.bar,
    // Horizontal bars are drawn from the bottom up: reversed, they read top down as on the DOM slide.
    chart.series.map((v) => ({ name: v.name, labels: [...chart.categories].reverse(), values: [...v.values].reverse() })),
    {
      ...inches(drawn.box),
      barDir: 'bar',
      // The plot where the DOM slide has its bars: labels on the left, amounts written on the right.
      layout: { x: BAR.label / BAR.width, y: 0, w: (BAR.width - BAR.label - BAR.value) / BAR.width, h: 1 },
      barGapWidthPct: Math.round((100 * (barRow(chart.categories.length) - BAR.bar)) / BAR.bar),
      chartColors: colors && colors.length > 1 ? [...colors].reverse() : (colors ?? [hex(THEME['series-1'].light)]),
      showValue: true,
      dataLabelPosition: 'outEnd',
      ...(money ? { dataLabelFormatCode: money, valAxisLabelFormatCode: money } : {}),
      valAxisHidden: true,
      valGridLine: { style: 'none' },
      catAxisLabelFontSize: pt(24),
      catAxisLabelFontFace: FONT,
      catAxisLabelColor: C.text,
      dataLabelFontSize: pt(24),
      dataLabelFontBold: true,
      dataLabelFontFace: FONT,
      dataLabelColor: C.text,
      showLegend: false,
      altText: chart.categories.map((c, i) => `${c}: ${written[i]}`).join(', '),
    },
  );
}

function addTable(s: PptSlide, b: Extract<SlideBlock, { kind: 'table' }>, at: Box) {
  const cell = (items: readonly SlideItem[], more: number): PptxGenJS.TableCell => ({
    text: [
      ...items.flatMap((it, i): Run[] => [
        { text: `${i ? '\n' : ''}${it.text}`, options: { fontSize: pt(22), color: C.text } },
        ...cite(it.cites),
        ...(it.detail ? [{ text: ` · ${it.detail}`, options: { fontSize: pt(19), color: C.muted } }] : []),
      ]),
      ...(more ? [{ text: `\n${moreText(more)}`, options: { italic: true, fontSize: pt(19), color: C.muted } }] : []),
    ],
  });
  const rows: PptxGenJS.TableRow[] = [
    b.head.map((t) => ({ text: t, options: { bold: true, fontSize: pt(24), color: C.text } })),
    ...b.rows.map((r) => [
      { text: r.label, options: { bold: true, fontSize: pt(22), color: C.muted } },
      ...r.cells.map((c, i) => cell(c, r.more[i] ?? 0)),
    ]),
  ];
  const { x, y, w, h } = inches(at);
  const first = (b.labelWidth ?? 250) * PX;
  const rest = (w - first) / Math.max(1, b.head.length - 1);
  s.addTable(rows, {
    x,
    y,
    w,
    colW: [first, ...b.head.slice(1).map(() => rest)],
    fontFace: FONT,
    valign: 'top',
    border: { type: 'solid', pt: 0.5, color: C.line },
    margin: 0.04,
    autoPage: false,
  });
  if (b.more)
    s.addText(b.more, {
      x,
      y: y + h - 0.32,
      w,
      h: 0.3,
      italic: true,
      color: C.muted,
      fontSize: pt(22),
      fontFace: FONT,
      margin: 0,
      valign: 'bottom',
    });
}

const textBox = (b: Box) => ({ ...inches(b), fontFace: FONT, valign: 'top' as const, margin: 0 });

/** One slide, each part where the DOM slide put it, so the PowerPoint and the PNG carry the same. */
function writeSlide(deck: Deck, slide: Slide, layout: SlideLayout) {
  const s = deck.addSlide();
  s.background = { color: 'FFFFFF' };
  const { parts } = layout;
  const title = slide.kind === 'title';
  if (parts.headline) s.addText(slide.headline, { ...textBox(parts.headline), fontSize: pt(title ? 80 : 58), bold: true, color: C.text });
  if (parts.subhead) s.addText(slide.subhead, { ...textBox(parts.subhead), fontSize: pt(28), color: C.muted });
  if (parts.note && slide.note) {
    s.addText(slide.note, {
      ...textBox(parts.note),
      fontSize: pt(26),
      italic: true,
      color: C.text,
      fill: { color: hex(THEME['panel-2'].light) },
    });
  }
  const head = [parts.headline, parts.subhead, parts.note].filter((b): b is Box => !!b);
  const rule =
    maxOf(
      head.map((b) => b.y + b.h),
      0,
    ) + 22;
  s.addShape(deck.ShapeType.line, { x: MARGIN, y: rule * PX, w: W - 2 * MARGIN, h: 0, line: { color: C.accent, width: 3 } });

  const left: string[] = [];
  slide.blocks.forEach((whole, i) => {
    const at = layout.blocks[i];
    if (!at) {
      left.push('title' in whole && whole.title ? whole.title : whole.kind);
      return;
    }
    const cut = layout.cut[i] ?? 0;
    const b = cutBlock(whole, cut);
    if (b.kind === 'chart') addChart(deck, s, b, at, layout.charts[i] ?? null);
    else if (b.kind === 'table') addTable(s, b, at);
    else {
      const runs = blockRuns(b);
      if (b.kind === 'facts' && cut)
        runs.push({ text: moreText(cut), options: { italic: true, color: C.muted, fontSize: pt(22), breakLine: true } });
      s.addText(runs, { ...textBox(at), paraSpaceAfter: 4 });
    }
  });
  // A block the slide had no room for is said to be missing, never dropped unsaid.
  if (left.length && parts.body)
    s.addText(`${moreText(left.length)} not shown for want of room: ${left.join('; ')}`, {
      ...textBox({ ...parts.body, y: parts.body.y + parts.body.h - 30, h: 30 }),
      italic: true,
      color: C.muted,
      fontSize: pt(22),
    });

  const fn = parts.footnotes;
  if (fn) {
    const size = slide.kind === 'sources' ? 22 : 19;
    const byN = new Map(slide.footnotes.map((f) => [String(f.n), f]));
    const colW = (fn.w - 64) / 2;
    layout.footnoteColumns.forEach((ns, c) => {
      const runs = ns.flatMap((n): Run[] => {
        if (n === 'more')
          return [
            {
              text: `${moreText(slide.moreFootnotes)} citations, in full in the notes`,
              options: { italic: true, color: C.muted, fontSize: pt(19), breakLine: true },
            },
          ];
        const f = byN.get(n);
        return f
          ? [
              { text: `[${f.n}] `, options: { bold: true, color: C.accent, fontSize: pt(size) } },
              { text: `${footnoteSource(f)}: ${quoted(f.excerpt)}`, options: { color: C.text, fontSize: pt(size), breakLine: true } },
            ]
          : [];
      });
      if (runs.length)
        s.addText(runs, { ...textBox({ x: fn.x + c * (colW + 64), y: fn.y + 12, w: colW, h: fn.h - 12 }), paraSpaceAfter: 3 });
    });
  }

  if (parts.foot)
    s.addShape(deck.ShapeType.line, { x: MARGIN, y: parts.foot.y * PX, w: W - 2 * MARGIN, h: 0, line: { color: C.line, width: 1 } });
  if (parts.sources) s.addText(slide.footer.sources, { ...textBox(parts.sources), fontSize: pt(18), color: C.muted });
  if (parts.meta)
    s.addText(`${slide.footer.dataset} · ${slide.footer.madeAt}`, {
      ...textBox(parts.meta),
      fontSize: pt(18),
      color: C.muted,
      align: 'right',
    });
  s.addNotes(slide.notes);
}

/** Slides as a PowerPoint file: editable text boxes, native charts and tables, every citation in the notes. */
export async function slidesPptx(slides: readonly Slide[], title: string): Promise<Blob> {
  const [{ default: PptxGen }, { unzipSync, zipSync, strFromU8, strToU8 }] = await Promise.all([import('pptxgenjs'), import('fflate')]);
  const deck = new PptxGen();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = title;
  for (const slide of slides) writeSlide(deck, slide, await measureSlide(slide));
  const out = await deck.write({ outputType: 'uint8array' });
  // A chart's amounts are written on one line: without it, viewers wrap "$225 million" to the bar's thickness.
  const files = unzipSync(out as Uint8Array);
  for (const name of Object.keys(files))
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name))
      files[name] = strToU8(strFromU8(files[name]).replace(/(<c:dLbls>[\s\S]*?)<a:bodyPr\/>/g, '$1<a:bodyPr wrap="none"/>'));
  return new Blob([zipSync(files) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
