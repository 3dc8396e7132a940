import type { PrintBlock, PrintBuilder, PrintContext } from './print-block';
import type { ExportTable } from './tables';

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
}

export type PanelRegistry = ReadonlyMap<string, PanelEntry>;

// Loaded print code, kept per definition so that a new view (a new registry) prints at once.
const loaded = new WeakMap<object, PrintBuilder<never>>();

export function bindPanels<A>(definitions: readonly PanelDefinition<A>[], args: A): PanelRegistry {
  return new Map(
    definitions.map((d): [string, PanelEntry] => {
      const { print, table } = d;
      return [
        d.id,
        {
          id: d.id,
          title: d.title,
          table: table ? () => table(args) : undefined,
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
