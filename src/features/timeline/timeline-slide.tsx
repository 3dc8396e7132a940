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
/** Under the chart: the legend (two lines of 18px type) and a line saying what is off the chart. */
const TEXT_ROOM = 124;

/** The chart for a box of the slide: scaled up, its lanes as tall as the box allows. */
function slideLayout(data: TimelineData, box: { width: number; height: number }) {
  const width = box.width / SCALE;
  const tight = chartLayout(data, width, LANES.min);
  const spare = Math.floor(((box.height - TEXT_ROOM) / SCALE - tight.height) / Math.max(1, data.lanes.length));
  return chartLayout(data, width, Math.max(LANES.min, Math.min(LANES.max, LANES.min + spare)));
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
  const list = fitList(shown, lines, 13);
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
            const layout = slideLayout(data, box);
            return (
              <>
                <TimelineChart data={data} layout={layout} kinds={index.vocabulary.eventKinds} selected={null} scale={SCALE} />
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
    maxFootnotes: 4,
  };
}
