/**
 * Choosing a patient: by id (always), with suggestions from `patients` and a search by event through `cohort` when
 * the platform has those queries (feature-detected; older platforms get the id box alone).
 */
import { useEffect, useState } from 'preact/hooks';
import { LANES } from './entity-types.js';
import type { GraphQLClient } from './graphql-client.js';
import { COHORT_QUERY, PATIENTS_QUERY, type SchemaFeatures } from './schema-features.js';

interface PatientSummary {
  id: string;
  recordCount: number;
}

export interface PatientPickerProps {
  api: GraphQLClient;
  features: SchemaFeatures;
  current: string | null;
  onOpen(id: string): void;
}

export function PatientPicker({ api, features, current, onOpen }: PatientPickerProps) {
  const [draft, setDraft] = useState(current ?? '');
  const [known, setKnown] = useState<PatientSummary[]>([]);
  useEffect(() => setDraft(current ?? ''), [current]);
  useEffect(() => {
    if (!features.patientsQuery) return;
    api
      .request<{ patients: { nodes: PatientSummary[] } }>(PATIENTS_QUERY)
      .then(({ patients }) => setKnown(patients.nodes))
      // Suggestions are a convenience: the id box works without them.
      .catch(() => setKnown([]));
  }, [api, features.patientsQuery, current]);

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
              <option key={p.id} value={p.id}>{`${p.recordCount} records`}</option>
            ))}
          </datalist>
        )}
      </form>
      {features.cohortQuery && <CohortSearch api={api} onOpen={onOpen} />}
    </div>
  );
}

function CohortSearch({ api, onOpen }: { api: GraphQLClient; onOpen(id: string): void }) {
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ count: number; patients: PatientSummary[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const search = (e: Event) => {
    e.preventDefault();
    setProblem(null);
    api
      .request<{ cohort: { count: number; patients: { nodes: PatientSummary[] } } }>(COHORT_QUERY, {
        type: type === '' ? null : type,
        text: text.trim() === '' ? null : text.trim(),
      })
      .then(({ cohort }) => setResult({ count: cohort.count, patients: cohort.patients.nodes }))
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <form class="picker-cohort" onSubmit={search}>
      <label for="cohort-text">Patients with</label>
      <select aria-label="entity type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
        <option value="">any event</option>
        {Object.entries(LANES).map(([id, lane]) => (
          <option key={id} value={id}>{lane.zh} {lane.en}</option>
        ))}
      </select>
      <input id="cohort-text" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} placeholder="text, e.g. 乳腺癌" />
      <button type="submit">Find</button>
      {problem && <span class="error" role="alert">{problem}</span>}
      {result && (
        <span class="cohort-result">
          {result.count} patients:{' '}
          {result.patients.map((p) => (
            <button type="button" class="link" key={p.id} onClick={() => onOpen(p.id)}>{p.id}</button>
          ))}
        </span>
      )}
    </form>
  );
}
