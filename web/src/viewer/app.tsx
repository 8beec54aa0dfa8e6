/**
 * The viewer page: pick a patient, see their timeline, click an event to read its source, watch jobs. The patient is
 * in the URL (`/?patient=P001`), so a timeline can be bookmarked or sent to a colleague.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { countOf } from './count-of.js';
import type { ConnectionState, GraphQLClient } from './graphql-client.js';
import { JobPanel } from './job-panel.js';
import { PatientPicker } from './patient-picker.js';
import {
  BASE_FEATURES,
  FEATURES_QUERY,
  featuresFrom,
  RECORD_QUERY,
  timelineQuery,
  timelineSubscription,
  timelineVariables,
  type FeaturesResponse,
  type SchemaFeatures,
} from './schema-features.js';
import { SourcePanel } from './source-panel.js';
import { TimelineChart } from './timeline-chart.js';
import type { PatientTimeline, RecordSource } from './timeline-data.js';
import { toChartModel } from './timeline-model.js';

/** `view` names what was read: the patient and whether every mention was asked for (`P001|false`). */
type Loaded = { state: 'idle' } | { state: 'loading' } | { state: 'missing' } | { state: 'error'; message: string } | { state: 'ready'; view: string; patient: PatientTimeline };

/** Performance marks the browser test reads: opening a patient, and the first redraw that shows their events. */
export const MARK_OPEN = 'viewer:open';
export const MARK_RENDERED = 'viewer:rendered';

export function App({ api }: { api: GraphQLClient }) {
  const [features, setFeatures] = useState<SchemaFeatures | null>(null);
  const [patientId, setPatientId] = useState<string | null>(() => patientFromUrl());
  const [everyMention, setEveryMention] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'idle' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [records, setRecords] = useState<Map<string, RecordSource>>(new Map());
  const [recordError, setRecordError] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');

  useEffect(() => api.onConnection(setConnection), [api]);
  useEffect(() => {
    api
      .request<FeaturesResponse>(FEATURES_QUERY)
      .then((response) => setFeatures(featuresFrom(response)))
      // Introspection may be switched off in production; the base fields exist in every release.
      .catch(() => setFeatures(BASE_FEATURES));
  }, [api]);
  useEffect(() => {
    const onPop = () => setPatientId(patientFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // The timeline: read once, then replaced by every update the platform pushes for this patient.
  useEffect(() => {
    if (!features || patientId === null) return;
    performance.mark(MARK_OPEN);
    // The same patient in the other view stays drawn until the new view arrives (no flicker, the toggle keeps focus).
    setLoaded((previous) => (previous.state === 'ready' && previous.patient.id === patientId ? previous : { state: 'loading' }));
    setSelectedId(null);
    let active = true;
    const view = viewKey(patientId, everyMention);
    const variables = timelineVariables(features, patientId, everyMention);
    api
      .request<{ patient: PatientTimeline | null }>(timelineQuery(features, everyMention), variables)
      .then(({ patient }) => active && setLoaded(patient ? { state: 'ready', view, patient } : { state: 'missing' }))
      .catch((error: unknown) => active && setLoaded({ state: 'error', message: error instanceof Error ? error.message : String(error) }));
    const stop = api.subscribe<{ patientTimelineUpdated: { patient: PatientTimeline | null } }>(
      timelineSubscription(features, everyMention),
      variables,
      ({ patientTimelineUpdated }) => {
        if (!active || !patientTimelineUpdated.patient) return;
        setLoaded({ state: 'ready', view, patient: patientTimelineUpdated.patient });
        setRecords(new Map()); // a re-submitted record may have new text
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, [api, features, patientId, everyMention]);

  // The chart is keyed by the view its events were read for, not the one asked for: right after a switch (another
  // patient, the mentions toggle) the previous events are never taken for the new view's first render.
  const shown = loaded.state === 'ready' && loaded.patient.id === patientId ? loaded : null;
  const patient = shown?.patient ?? null;
  const hasEvents = patient !== null && patient.timeline.length > 0;
  const model = useMemo(() => toChartModel(patient?.timeline ?? []), [patient]);
  const selected = patient?.timeline.find((event) => event.entity.id === selectedId) ?? null;

  useEffect(() => {
    if (!selected || records.has(selected.record.id)) return;
    setRecordError(null);
    api
      .request<{ record: RecordSource | null }>(RECORD_QUERY, { id: selected.record.id })
      .then(({ record }) => (record ? setRecords((current) => new Map(current).set(record.id, record)) : setRecordError('the record is gone')))
      .catch((error: unknown) => setRecordError(error instanceof Error ? error.message : String(error)));
  }, [api, selected?.record.id, records]);

  const openPatient = (id: string) => {
    if (id === patientId) return;
    history.pushState(null, '', `?patient=${encodeURIComponent(id)}`);
    setPatientId(id);
  };

  return (
    <div class="page">
      <header class="top">
        <h1><span class="brand">OncoTimeline</span> <small>患者时间轴</small></h1>
        {features && <PatientPicker api={api} features={features} current={patientId} onOpen={openPatient} />}
        <nav class="top-links">
          <span class={`conn conn-${connection}`} title="live updates over WebSocket">{connection === 'live' ? 'live' : connection}</span>
          <a href="/graphql">GraphQL IDE</a>
        </nav>
      </header>
      <main class="layout">
        <section class="timeline-area" aria-label="Timeline">
          {patient && (
            <div class="patient-bar" data-testid="patient-bar">
              <strong>{patient.id}</strong>
              <span>{countOf(patient.recordCount, 'record')}</span>
              {patient.firstRecordedAt && <span>{patient.firstRecordedAt} – {patient.lastRecordedAt}</span>}
              {features?.timelineFilters && (
                <label class="toggle" title="By default the timeline shows what the records assert or suspect about the patient">
                  <input type="checkbox" checked={everyMention} onChange={(e) => setEveryMention((e.target as HTMLInputElement).checked)} />
                  also denied findings and relatives' histories
                </label>
              )}
            </div>
          )}
          <Status loaded={loaded} patientId={patientId} />
          <div class={`chart-host ${hasEvents ? '' : 'is-empty'}`} inert={!hasEvents}>
            <TimelineChart
              patientId={shown?.view ?? ''}
              model={model}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onRendered={(count) => {
                performance.mark(MARK_RENDERED, { detail: { events: count } });
                document.documentElement.dataset['renderedEvents'] = String(count);
              }}
            />
          </div>
        </section>
        <aside class="side">
          {selected ? (
            <SourcePanel event={selected} record={records.get(selected.record.id) ?? null} error={recordError} />
          ) : (
            <section class="panel hint"><p class="muted">Click an event on the timeline to read it in its record.</p></section>
          )}
          <JobPanel api={api} onOpenPatient={openPatient} />
        </aside>
      </main>
    </div>
  );
}

function Status({ loaded, patientId }: { loaded: Loaded; patientId: string | null }) {
  if (patientId === null) return <p class="status">Open a patient by id to see their timeline.</p>;
  switch (loaded.state) {
    case 'loading':
      return <p class="status">Loading {patientId}…</p>;
    case 'missing':
      return <p class="status" role="alert">No patient <code>{patientId}</code>: none of their records has been submitted.</p>;
    case 'error':
      return <p class="status error" role="alert">{loaded.message}</p>;
    case 'ready':
      return loaded.patient.timeline.length === 0 ? <p class="status">No events yet: the records are queued or name no events.</p> : null;
    default:
      return null;
  }
}

function viewKey(patientId: string, everyMention: boolean): string {
  return `${patientId}|${everyMention}`;
}

function patientFromUrl(): string | null {
  const id = new URLSearchParams(location.search).get('patient');
  return id && id.trim() !== '' ? id.trim() : null;
}
