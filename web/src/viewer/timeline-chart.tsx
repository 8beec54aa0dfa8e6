/**
 * The timeline itself: vis-timeline (lanes = groups, zoom and pan by wheel, drag and pinch, years down to days) fed
 * from a ChartModel. The chart keeps its own view: a live update adds and removes items in place and refits only if the
 * reader has not zoomed or panned since the patient was opened.
 *
 * `onRendered(count)` fires once per patient, after the first redraw that shows their items; the page uses it for a
 * `performance.mark` (the browser test reports time to first render).
 */
import { useEffect, useRef } from 'preact/hooks';
// The peer builds share one vis-data, moment and hammer between vis-timeline and this module (the standalone build
// carries private copies and does not export DataSet in its types).
import { DataSet } from 'vis-data/peer';
import { Timeline, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { countOf } from './count-of.js';
import { calendarDateToLocal, QUALIFIERS, viewWindow, type ChartItem, type ChartLane, type ChartMark, type ChartModel } from './timeline-model.js';

const DAY_MS = 86_400_000;

interface VisItem {
  id: string;
  group: string;
  start: Date;
  end?: Date;
  type: 'point' | 'range';
  className: string;
  title: string;
  content: string;
  /** Copied onto the item element as `data-day` (dataAttributes), with `data-id`: how tests and tools find an event. */
  day: string;
  text: string;
  marks: ChartMark[];
}

interface VisGroup {
  id: string;
  content: HTMLElement;
  order: number;
  className: string;
}

export interface TimelineChartProps {
  /** Identifies the patient shown: a new key fits the view and reports a first render. */
  patientId: string;
  model: ChartModel;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onRendered?(itemCount: number): void;
}

export function TimelineChart({ patientId, model, selectedId, onSelect, onRendered }: TimelineChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<{ timeline: Timeline; items: DataSet<VisItem, 'id'>; groups: DataSet<VisGroup, 'id'> } | null>(null);
  const shown = useRef({ patientId: null as string | null, ids: new Set<string>(), movedByUser: false, rendered: false });
  const callbacks = useRef({ onSelect, onRendered });
  callbacks.current = { onSelect, onRendered };

  useEffect(() => {
    const items = new DataSet<VisItem, 'id'>();
    const groups = new DataSet<VisGroup, 'id'>();
    const element = container.current!;
    const timeline = new Timeline(element, items, groups, chartOptions());
    timeline.on('select', (props: { items: string[] }) => callbacks.current.onSelect(props.items[0] ?? null));
    // The drawn window on the element, in epoch ms: lets tools (and the browser test) map a date to a pixel.
    timeline.on('changed', () => {
      const { start, end } = timeline.getWindow();
      Object.assign(element.dataset, { windowStart: String(start.valueOf()), windowEnd: String(end.valueOf()) });
    });
    timeline.on('rangechanged', (props: { byUser: boolean }) => {
      if (props.byUser) shown.current.movedByUser = true;
    });
    chart.current = { timeline, items, groups };
    return () => {
      timeline.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    const { timeline, items, groups } = current;
    if (shown.current.patientId !== patientId) shown.current = { ...shown.current, patientId, ids: new Set(), movedByUser: false, rendered: false };
    // The first items shown for a patient are not "new": only later pushes flash.
    const { ids: previous, rendered } = shown.current;
    const next = model.items.map((item) => toVisItem(item, rendered && !previous.has(item.id)));
    const nextIds = new Set(next.map((item) => item.id));

    groups.update(model.lanes.map(toVisGroup));
    groups.remove(groups.getIds().filter((id) => !model.lanes.some((lane) => lane.id === id)));
    items.remove(items.getIds().filter((id) => !nextIds.has(String(id))));
    items.update(next);
    shown.current.ids = nextIds;

    if (!rendered && next.length > 0) {
      shown.current.rendered = true;
      const reported = () => {
        timeline.off('changed', reported);
        callbacks.current.onRendered?.(next.length);
      };
      timeline.on('changed', reported);
      showAll(timeline, model.items, false);
    } else if (rendered && next.some((item) => !previous.has(item.id)) && !shown.current.movedByUser) {
      showAll(timeline, model.items, true);
    }
  }, [patientId, model]);

  useEffect(() => {
    chart.current?.timeline.setSelection(selectedId ? [selectedId] : []);
  }, [selectedId, model]);

  const zoom = (how: 'in' | 'out' | 'fit') => () => {
    const items = model.items;
    const timeline = chart.current?.timeline;
    if (!timeline) return;
    if (how === 'fit') {
      shown.current.movedByUser = false;
      showAll(timeline, items, true);
      return;
    }
    shown.current.movedByUser = true; // the reader chose this view: live updates keep it
    if (how === 'in') timeline.zoomIn(0.5);
    else timeline.zoomOut(0.5);
  };

  return (
    <div class="chart">
      <div class="chart-tools" role="toolbar" aria-label="Timeline zoom">
        <button type="button" onClick={zoom('in')} title="Zoom in (or scroll the wheel over the timeline)">＋</button>
        <button type="button" onClick={zoom('out')} title="Zoom out">－</button>
        <button type="button" onClick={zoom('fit')} title="Show every event">Fit</button>
        <Legend lanes={model.lanes} marks={[...new Set(model.items.flatMap((item) => item.marks.map((m) => m.kind)))]} />
      </div>
      <div class="chart-canvas" ref={container} data-testid="timeline" />
    </div>
  );
}

/** vis-timeline's own fit() ignores the labels of point items, which then hang off the right edge. */
function showAll(timeline: Timeline, items: readonly ChartItem[], animate: boolean): void {
  const range = viewWindow(items);
  if (range) timeline.setWindow(range.start, range.end, { animation: animate ? { duration: 300, easingFunction: 'easeInOutQuad' } : false });
}

function Legend({ lanes, marks }: { lanes: ChartLane[]; marks: string[] }) {
  return (
    <span class="legend">
      <span class="legend-item"><i class="key key-point" />day</span>
      <span class="legend-item"><i class="key key-range" />interval</span>
      <span class="legend-item"><i class="key key-approx" />approximate</span>
      <span class="legend-item"><i class="key key-undated" />undated (at record date)</span>
      {marks.map((kind) => (
        <span class="legend-item" key={kind}>
          <small class={`ev-mark ev-mark-${kind}`}>{QUALIFIERS[kind]?.mark ?? kind}</small> {QUALIFIERS[kind]?.words ?? kind}
        </span>
      ))}
      <span class="legend-count">{countOf(lanes.reduce((n, lane) => n + lane.count, 0), 'event')}</span>
    </span>
  );
}

function chartOptions(): TimelineOptions {
  return {
    height: '100%',
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    verticalScroll: true,
    zoomMin: 7 * DAY_MS, // a week across: single days readable
    zoomMax: 80 * 365 * DAY_MS, // a lifetime
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    groupOrder: 'order',
    dataAttributes: ['id', 'day'],
    tooltip: { followMouse: false, overflowMethod: 'cap', delay: 200 },
    margin: { item: { horizontal: 4, vertical: 4 }, axis: 6 },
    // Numeric labels read the same in Chinese and English; no moment locale to bundle.
    format: {
      minorLabels: { millisecond: 'SSS', second: 's', minute: 'HH:mm', hour: 'HH:mm', weekday: 'D', day: 'D', week: 'w', month: 'M', year: 'YYYY' },
      majorLabels: { millisecond: 'HH:mm:ss', second: 'YYYY-MM-DD HH:mm', minute: 'YYYY-MM-DD', hour: 'YYYY-MM-DD', weekday: 'YYYY-MM', day: 'YYYY-MM', week: 'YYYY-MM', month: 'YYYY', year: '' },
    },
    template: (item: VisItem) => {
      // One element per label in the usual case (no marks): a 500-event timeline builds hundreds of them.
      const text = document.createElement('span');
      text.className = 'ev-text';
      text.textContent = item.text; // text, never HTML: record text is data
      if (item.marks.length === 0) {
        text.classList.add('ev-label');
        return text;
      }
      const label = document.createElement('span');
      label.className = 'ev-label';
      label.append(text);
      for (const mark of item.marks) {
        const badge = document.createElement('small');
        badge.className = `ev-mark ev-mark-${mark.kind}`;
        badge.textContent = mark.text;
        label.append(badge);
      }
      return label;
    },
  };
}

function toVisItem(item: ChartItem, isNew: boolean): VisItem {
  return {
    id: item.id,
    group: item.lane,
    start: calendarDateToLocal(item.start),
    ...(item.endExclusive ? { end: calendarDateToLocal(item.endExclusive) } : {}),
    type: item.kind,
    className: isNew ? `${item.className} is-new` : item.className,
    title: escapeHtml(item.tooltip), // vis-timeline renders titles as HTML
    content: '',
    day: item.start,
    text: item.text,
    marks: item.marks,
  };
}

function toVisGroup(lane: ChartLane, order: number): VisGroup {
  // An element, not HTML: vis-timeline passes HTML strings through its XSS filter, which drops classes and styles.
  const name = document.createElement('span');
  name.className = 'lane-name';
  name.style.setProperty('--lane', lane.colour);
  const zh = document.createElement('span');
  zh.textContent = lane.zh;
  const en = document.createElement('small');
  en.textContent = `${lane.en} · ${lane.count}`;
  name.append(zh, en);
  return { id: lane.id, content: name, order, className: `lane lane-${lane.id}` };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
