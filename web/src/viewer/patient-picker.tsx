/**
 * Choosing a patient: by id (always), with suggestions from `patients` and a search by event through `cohort` when
 * the platform has those queries (feature-detected; older platforms get the id box alone).
 */
import { useEffect, useState } from 'preact/hooks';
import { countOf } from './count-of.js';
import { LANES } from './entity-types.js';
import type { GraphQLClient } from './graphql-client.js';
import { usePatientSuggestions, type PatientSummary } from './patient-suggestions.js';
import { COHORT_QUERY, type SchemaFeatures } from './schema-features.js';

export interface PatientPickerProps {
  api: GraphQLClient;
  features: SchemaFeatures;
  current: string | null;
  onOpen(id: string): void;
}

export function PatientPicker({ api, features, current, onOpen }: PatientPickerProps) {
  const [draft, setDraft] = useState(current ?? '');
  useEffect(() => setDraft(current ?? ''), [current]);
  // Suggestions for what is typed; the open patient's own id suggests nothing new, so list from the start then.
  const known = usePatientSuggestions(api, features.patientsQuery, draft === current ? '' : draft, current);

  return (
    <div class="picker">
      <form
        class="picker-id"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() !== '') onOpen(draft.trim());
        }}
      >
        <label for="patient-id">Patient</label>
        <input
          id="patient-id"
          name="patient"
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          placeholder="patient id, e.g. P001"
          list={known.length > 0 ? 'known-patients' : undefined}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit">Open</button>
        {known.length > 0 && (
          <datalist id="known-patients">
            {known.map((p) => (
              <option key={p.id} value={p.id}>{countOf(p.recordCount, 'record')}</option>
            ))}
          </datalist>
        )}
      </form>
      {features.cohortQuery && <CohortSearch api={api} current={current} onOpen={onOpen} />}
    </div>
  );
}

interface CohortPage {
  count: number;
  patients: { nodes: PatientSummary[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/** Patients with an event of a type and/or whose text contains a phrase (present, about the patient: the API's default). */
function CohortSearch({ api, current, onOpen }: { api: GraphQLClient; current: string | null; onOpen(id: string): void }) {
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ count: number; patients: PatientSummary[]; endCursor: string | null; more: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<{ type: string | null; text: string | null } | null>(null);
  const criteria = { type: type === '' ? null : type, text: text.trim() === '' ? null : text.trim() };
  const empty = criteria.type === null && criteria.text === null;

  const read = (search: { type: string | null; text: string | null }, after: string | null) => {
    setProblem(null);
    setBusy(true);
    api
      .request<{ cohort: CohortPage }>(COHORT_QUERY, { ...search, after })
      .then(({ cohort }) => {
        const page = cohort.patients;
        setResult((previous) => ({
          count: cohort.count,
          patients: after === null || previous === null ? page.nodes : [...previous.patients, ...page.nodes],
          endCursor: page.pageInfo.endCursor,
          more: page.pageInfo.hasNextPage,
        }));
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  return (
    <form
      class="picker-cohort"
      aria-label="Find patients by event"
      onSubmit={(e) => {
        e.preventDefault();
        if (empty) return;
        setAsked(criteria);
        setResult(null);
        read(criteria, null);
      }}
    >
      <label for="cohort-text">Patients with</label>
      <select aria-label="event type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
        <option value="">any event</option>
        {Object.entries(LANES).map(([id, lane]) => (
          <option key={id} value={id}>{lane.zh} {lane.en}</option>
        ))}
      </select>
      <input
        id="cohort-text"
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        placeholder="text, e.g. 乳腺癌"
        title="The event's text contains this (an event type alone also searches)"
      />
      <button type="submit" disabled={empty || busy} title={empty ? 'Choose an event type or enter a text' : undefined}>Find</button>
      {problem && <span class="error" role="alert">{problem}</span>}
      <div class="cohort-result" role="status" aria-live="polite" data-testid="cohort-result">
        {result && asked && (
          <>
            <span class="cohort-count">{result.count === 0 ? 'No patients' : countOf(result.count, 'patient')}</span>
            <span class="cohort-list">
              {result.patients.map((p) => (
                <button
                  type="button"
                  class="link"
                  key={p.id}
                  aria-current={p.id === current ? 'true' : undefined}
                  title={countOf(p.recordCount, 'record')}
                  onClick={() => onOpen(p.id)}
                >
                  {p.id}
                </button>
              ))}
              {result.more && (
                <button type="button" class="more" disabled={busy} onClick={() => read(asked, result.endCursor)}>
                  {`${result.count - result.patients.length} more…`}
                </button>
              )}
            </span>
          </>
        )}
      </div>
    </form>
  );
}
