import type { PanelSlide } from '../../export/panel-registry';
import { COLUMN_PX, fitList, linesOf, type SlideBook } from '../../export/slide-model';
import type { ViewContext } from '../../filters/view-context';
import { plural } from '../../lib/format';
import { eventPresenter } from '../../records/event';
import { chartLayout, timelineData, timelineSummary, type TimelineData } from './timeline-data';
import { TimelineChart, TimelineLegend } from './timeline-plot';

/** The chart's smallest type is 10px (count badges) and 11px (labels): at 1.8× they are 18px and 20px on the slide. */
const SCALE = 1.8;
const LANES = { min: 20, max: 34 };
/** Under the chart: the legend (lines of 18px type) and a line saying what is off the chart. */
const textRoom = (legendLines: number, note: boolean) => 10 + legendLines * 24 + (note ? 28 : 0);

/** The chart for a box of the slide: scaled up, its lanes as tall as the box allows (smaller only if even the thinnest lanes overflow it). */
function slideLayout(data: TimelineData, box: { width: number; height: number }, text: number) {
  const width = box.width / SCALE;
  const room = box.height - text;
  const tight = chartLayout(data, width, LANES.min);
  const spare = Math.floor((room / SCALE - tight.height) / Math.max(1, data.lanes.length));
  const layout = chartLayout(data, width, Math.max(LANES.min, Math.min(LANES.max, LANES.min + spare)));
  return { layout, scale: Math.min(SCALE, room / layout.height) };
}

/** The panel on one slide: its chart redrawn at slide size, and the events on it in date order beside it, cut to fit. */
export function timelineSlide({ index, selection, view }: ViewContext, book: SlideBook): PanelSlide | null {
  const events = selection.events;
  if (!events.length) return null;
  const data = timelineData(events, view.lane, index);
  const onChart = new Set(data.points.flatMap((p) => p.ids));
  const shown = events.filter((e) => onChart.has(e.id));
  const off = data.hiddenBefore + data.hiddenAfter;
  const offText = off ? `${plural(off, 'event')} outside the busiest period ${off === 1 ? 'is' : 'are'} off the chart.` : '';
  const summary = `${timelineSummary(data, events, index)} ${offText}`.trim();
  // By kind, the lanes name the kinds: their colours need no legend.
  const kinds = view.lane === 'kind' ? [] : index.vocabulary.eventKinds.list.filter((k) => events.some((e) => e.kind === k.id));
  const lines = (e: (typeof shown)[number]) =>
    linesOf(`▪ ${eventPresenter.label(e, index)} [1][2] · ${eventPresenter.dateText(e) ?? ''}`, COLUMN_PX.beside);
  const list = fitList(shown, lines, 15);
  return {
    blocks: [
      {
        kind: 'chart',
        column: 0,
        title: view.lane === 'kind' ? 'Events by date and kind' : 'Events by date and actor',
        chart: {
          type: 'figure',
          alt: summary,
          draw: (box) => {
            const legendLines = kinds.length ? 3 + Math.floor(kinds.length / 6) : 2;
            const { layout, scale } = slideLayout(data, box, textRoom(legendLines, !!offText));
            return (
              <>
                <TimelineChart data={data} layout={layout} kinds={index.vocabulary.eventKinds} selected={null} scale={scale} />
                <TimelineLegend index={index} kinds={kinds} />
                {offText ? <p className="slide-detail">{offText}</p> : null}
              </>
            );
          },
        },
      },
      {
        kind: 'list',
        column: 1,
        title: `Events on the chart, in date order`,
        items: list.items.map((e) => ({
          text: eventPresenter.label(e, index),
          detail: eventPresenter.dateText(e) ?? '',
          cites: book.cite(e.citations),
        })),
        more: list.more + (events.length - shown.length),
      },
    ],
    sourceIds: events.flatMap((e) => e.citations.map((c) => c.source)),
    // The chart wants the room: two citations drawn, every one in the notes.
    maxFootnotes: 2,
  };
}
