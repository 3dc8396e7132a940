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
  /** The panel's content laid out for one slide, its citations numbered in `book`; null when it shows nothing. */
  slide?: (args: A, book: SlideBook) => PanelSlide | null;
  /** The slide is what the panel is for: a "Download slide" button beside its Export menu. */
  slideButton?: boolean;
}

/** A panel's print block for the view bound in; `build` gives null until `load` has brought the code in. */
export interface PrintHandle {
  ready(): boolean;
  load(): Promise<void>;
  build(ctx: PrintContext): PrintBlock | null;
}

/** The registry's entries with the current view bound in. */
export interface PanelEntry {
  id: string;
  title: string;
  table?: () => ExportTable;
  print?: PrintHandle;
  slide?: (book: SlideBook) => PanelSlide | null;
  slideButton?: boolean;
}

export type PanelRegistry = ReadonlyMap<string, PanelEntry>;

// Loaded print code, kept per definition so that a new view (a new registry) prints at once.
const loaded = new WeakMap<object, PrintBuilder<never>>();

export function bindPanels<A>(definitions: readonly PanelDefinition<A>[], args: A): PanelRegistry {
  return new Map(
    definitions.map((d): [string, PanelEntry] => {
      const { print, table, slide } = d;
      return [
        d.id,
        {
          id: d.id,
          title: d.title,
          table: table ? () => table(args) : undefined,
          slide: slide ? (book) => slide(args, book) : undefined,
          slideButton: d.slideButton,
          print: print
            ? {
                ready: () => loaded.has(d),
                load: async () => {
                  if (!loaded.has(d)) loaded.set(d, await print());
                },
                build: (ctx) => {
                  const build = loaded.get(d) as PrintBuilder<A> | undefined;
                  return build ? build(args, ctx) : null;
                },
              }
            : undefined,
        },
      ];
    }),
  );
}
