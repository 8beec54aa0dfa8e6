/**
 * Where an event comes from: its record's text with the entity and the time expression that places it highlighted,
 * and what the platform knows about it (type, date, confidence, and assertion, subject and concept where the schema
 * has them).
 */
import { useEffect, useRef } from 'preact/hooks';
import { laneInfo } from './entity-types.js';
import { segmentText, type Mark, type Segment } from './text-highlight.js';
import type { RecordSource, TimelineEventData } from './timeline-data.js';
import { describeTime } from './timeline-model.js';

export interface SourcePanelProps {
  event: TimelineEventData;
  record: RecordSource | null;
  error: string | null;
}

export function SourcePanel({ event, record, error }: SourcePanelProps) {
  const { entity, timex } = event;
  const lane = laneInfo(entity.type);
  return (
    <section class="panel source" aria-label="Source of the selected event" data-testid="source">
      <h2>
        <span class="type-chip" style={{ background: lane.colour }}>{lane.zh} · {lane.en}</span>
        <span class="entity-text">{entity.text}</span>
      </h2>
      <dl class="facts">
        <dt>When</dt>
        <dd data-testid="event-time">{describeTime(event)}</dd>
        {timex && (
          <>
            <dt>Time expression</dt>
            <dd><mark class="hl-timex">{timex.text}</mark> {timex.kind} <code>{timex.value}</code></dd>
          </>
        )}
        <dt>Record</dt>
        <dd data-testid="record-meta">{event.record.kind} · {event.record.recordedAt} · <code>{event.record.id}</code></dd>
        <dt>Confidence</dt>
        <dd>{(entity.confidence * 100).toFixed(1)}%</dd>
        <dt>Model label</dt>
        <dd>{entity.label}</dd>
        {entity.assertion != null && (
          <>
            <dt>Assertion</dt>
            <dd class={`assertion assertion-${entity.assertion}`}>{entity.assertion}</dd>
          </>
        )}
        {entity.subject != null && (
          <>
            <dt>Subject</dt>
            <dd>{entity.subject}</dd>
          </>
        )}
        {entity.concept && (
          <>
            <dt>Concept</dt>
            <dd>
              {entity.concept.system && entity.concept.code && <code>{entity.concept.system} {entity.concept.code}</code>} {entity.concept.name}
            </dd>
          </>
        )}
      </dl>
      {error && <p class="error" role="alert">Could not load the record: {error}</p>}
      {!error && !record && <p class="muted">Loading the record…</p>}
      {record && <RecordText text={record.text} event={event} />}
    </section>
  );
}

function RecordText({ text, event }: { text: string; event: TimelineEventData }) {
  const container = useRef<HTMLDivElement>(null);
  const marks: Mark[] = [{ start: event.span.start, end: event.span.end, kind: 'entity' }];
  if (event.timex) marks.push({ start: event.timex.start, end: event.timex.end, kind: 'timex' });
  // Long records: bring the entity into view, without scrolling the page itself.
  useEffect(() => {
    const box = container.current;
    const hit = box?.querySelector<HTMLElement>('.hl-entity');
    if (box && hit) box.scrollTop = Math.max(0, hit.offsetTop - box.clientHeight / 3); // .record-text is the offsetParent (position: relative)
  }, [text, event.entity.id]);

  let segments: Segment[];
  try {
    segments = segmentText(text, marks);
  } catch (error) {
    // Offsets outside the text mean the record changed under the event; say so rather than highlight the wrong words.
    return <p class="error" role="alert">{error instanceof Error ? error.message : String(error)}</p>;
  }

  return (
    <div class="record-text" lang="zh-CN" ref={container} data-testid="record-text">
      {segments.map((segment, i) =>
        segment.kinds.length === 0 ? (
          segment.text
        ) : (
          <mark key={i} class={segment.kinds.map((k) => `hl-${k}`).join(' ')} style={segment.kinds.includes('entity') ? { borderColor: laneInfo(event.entity.type).colour } : undefined}>
            {segment.text}
          </mark>
        ),
      )}
    </div>
  );
}
