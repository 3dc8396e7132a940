import type { PrintBlock, PrintBuilder, PrintContext } from './print-block';
import type { SlideBlock, SlideBook } from './slide-model';
import type { ExportTable } from './tables';

/** What a panel lays out on its slide; the header, footnotes and footer are added by the kernel. */
export interface PanelSlide {
  blocks: SlideBlock[];
  /** Sources behind what is shown (for the source line), cited or not. */
  sourceIds: readonly string[];
  /** Replaces the panel's title as the default headline (the Compare panel names its two events). */
  headline?: string;
  /** Citations drawn at most on the slide (a chart wants the room); all are in the notes. */
  maxFootnotes?: number;
}

/**
 * A panel as the exports know it, by a stable id (never by its display title): the records it
 * shows as a table, and how the briefing view prints it. Each feature defines its own; the app
 * composes them into the registry the Export menus and the briefing view read.
 */
export interface PanelDefinition<A> {
  id: string;
  title: string;
  table?: (args: A) => ExportTable;
  /** Loaded only when the briefing view opens, so print code stays out of the first load. */
  print?: () => Promise<PrintBuilder<A>>;
  /** Loaded the first time a slide or deck is made, so slide code stays out of the first load too. */
  slide?: () => Promise<SlideBuilder<A>>;
  /** The slide is what the panel is for: a "Download slide" button beside its Export menu. */
  slideButton?: boolean;
}

/** The panel's content laid out for one slide, its citations numbered in `book`; null when it shows nothing. */
export type SlideBuilder<A> = (args: A, book: SlideBook) => PanelSlide | null;

/** Code loaded on use, for the view bound in; `build` gives null until `load` has brought the code in. */
export interface OnUseHandle<C, R> {
  ready(): boolean;
  load(): Promise<void>;
  build(ctx: C): R | null;
}

/** A panel's print block for the view bound in. */
export type PrintHandle = OnUseHandle<PrintContext, PrintBlock>;
/** A panel's slide for the view bound in, its citations numbered in the book `build` is given. */
export type SlideHandle = OnUseHandle<SlideBook, PanelSlide>;

/** The registry's entries with the current view bound in. */
export interface PanelEntry {
  id: string;
  title: string;
  table?: () => ExportTable;
  print?: PrintHandle;
  slide?: SlideHandle;
  slideButton?: boolean;
}

export type PanelRegistry = ReadonlyMap<string, PanelEntry>;

// Loaded code, kept per loader (one per definition) so that a new view (a new registry) builds at once.
const loaded = new WeakMap<object, unknown>();

function onUse<A, C, R>(load: (() => Promise<(args: A, ctx: C) => R | null>) | undefined, args: A): OnUseHandle<C, R> | undefined {
  if (!load) return undefined;
  return {
    ready: () => loaded.has(load),
    load: async () => {
      if (!loaded.has(load)) loaded.set(load, await load());
    },
    build: (ctx) => {
      const build = loaded.get(load) as ((args: A, ctx: C) => R | null) | undefined;
      return build ? build(args, ctx) : null;
    },
  };
}

export function bindPanels<A>(definitions: readonly PanelDefinition<A>[], args: A): PanelRegistry {
  return new Map(
    definitions.map((d): [string, PanelEntry] => {
      const { table } = d;
      return [
        d.id,
        {
          id: d.id,
          title: d.title,
          table: table ? () => table(args) : undefined,
          slide: onUse(d.slide, args),
          slideButton: d.slideButton,
          print: onUse(d.print, args),
        },
      ];
    }),
  );
}
