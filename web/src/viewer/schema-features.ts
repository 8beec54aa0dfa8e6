/**
 * What the running platform's schema offers, read once by introspection, and the viewer's queries built to match.
 * Fields and queries added by later releases (`Entity.assertion`, `Entity.subject`, `Concept.code`, `patients`,
 * `cohort`, timeline filters) are used when present and left out when not, so one viewer build works against older
 * and newer platforms alike. If introspection is disabled, the viewer uses the fields every release has.
 *
 * @example
 *   featuresFrom({ query: { fields: [{ name: 'patient' }, { name: 'patients' }] }, entity: { fields: [{ name: 'assertion' }] }, … })
 *   // { patientsQuery: true, entityExtras: ['assertion'], … }
 *   timelineQuery(features, true)
 *   // 'query ViewerTimeline($id: ID!, $assertions: [Assertion!], …) { patient(id: $id) { … timeline(assertions: $assertions, …) { … } } }'
 */

export interface SchemaFeatures {
  patientsQuery: boolean;
  cohortQuery: boolean;
  /** Entity fields beyond the base set that the viewer shows: assertion, subject. */
  entityExtras: string[];
  /** Concept subfields: name always, code and system once normalisation to standard codes exists. */
  conceptFields: string[];
  /** Every value of the Assertion and Subject enums, when `timeline` can filter by them (else null). */
  timelineFilters: { assertions: string[]; subjects: string[] } | null;
}

export const BASE_FEATURES: SchemaFeatures = {
  patientsQuery: false,
  cohortQuery: false,
  entityExtras: [],
  conceptFields: ['name'],
  timelineFilters: null,
};

export const FEATURES_QUERY = `query ViewerFeatures {
  query: __type(name: "Query") { fields { name } }
  entity: __type(name: "Entity") { fields { name } }
  concept: __type(name: "Concept") { fields { name } }
  patient: __type(name: "Patient") { fields { name args { name } } }
  assertion: __type(name: "Assertion") { enumValues { name } }
  subject: __type(name: "Subject") { enumValues { name } }
}`;

interface Named {
  name: string;
}
export interface FeaturesResponse {
  query: { fields: Named[] | null } | null;
  entity: { fields: Named[] | null } | null;
  concept: { fields: Named[] | null } | null;
  patient: { fields: Array<Named & { args: Named[] }> | null } | null;
  assertion: { enumValues: Named[] | null } | null;
  subject: { enumValues: Named[] | null } | null;
}

export function featuresFrom(response: FeaturesResponse): SchemaFeatures {
  const names = (type: { fields: Named[] | null } | null): Set<string> => new Set((type?.fields ?? []).map((f) => f.name));
  const query = names(response.query);
  const entity = names(response.entity);
  const concept = names(response.concept);
  const timelineArgs = new Set(response.patient?.fields?.find((f) => f.name === 'timeline')?.args.map((a) => a.name) ?? []);
  const assertions = (response.assertion?.enumValues ?? []).map((v) => v.name);
  const subjects = (response.subject?.enumValues ?? []).map((v) => v.name);
  const filterable = timelineArgs.has('assertions') && timelineArgs.has('subjects') && assertions.length > 0 && subjects.length > 0;
  return {
    patientsQuery: query.has('patients'),
    cohortQuery: query.has('cohort'),
    entityExtras: ['assertion', 'subject'].filter((f) => entity.has(f)),
    conceptFields: ['name', 'code', 'system'].filter((f) => concept.has(f) || f === 'name'),
    timelineFilters: filterable ? { assertions, subjects } : null,
  };
}

function eventSelection(features: SchemaFeatures): string {
  const entity = ['id type label text confidence start end', ...features.entityExtras, `concept { ${features.conceptFields.join(' ')} }`].join(' ');
  return `undated
      time { start end precision approx undated }
      entity { ${entity} }
      timex { id text kind value start end }
      record { id kind recordedAt }
      span { recordId start end text }`;
}

/** Variables, argument list and selection shared by the query and the live subscription. */
function timelineParts(features: SchemaFeatures, everyMention: boolean): { declared: string; args: string } {
  const filtered = everyMention && features.timelineFilters !== null;
  return {
    declared: filtered ? ', $assertions: [Assertion!], $subjects: [Subject!]' : '',
    args: filtered ? '(assertions: $assertions, subjects: $subjects)' : '',
  };
}

/** The patient and their timeline; `everyMention` also asks for negated, uncertain and non-patient mentions. */
export function timelineQuery(features: SchemaFeatures, everyMention: boolean): string {
  const { declared, args } = timelineParts(features, everyMention);
  return `query ViewerTimeline($id: ID!${declared}) {
  patient(id: $id) { id recordCount firstRecordedAt lastRecordedAt
    timeline${args} { ${eventSelection(features)} } }
}`;
}

/** The same selection, pushed whenever a job stores events for the patient. */
export function timelineSubscription(features: SchemaFeatures, everyMention: boolean): string {
  const { declared, args } = timelineParts(features, everyMention);
  return `subscription ViewerTimelineUpdated($id: ID!${declared}) {
  patientTimelineUpdated(patientId: $id) { patientId
    patient { id recordCount firstRecordedAt lastRecordedAt timeline${args} { ${eventSelection(features)} } } }
}`;
}

export function timelineVariables(features: SchemaFeatures, id: string, everyMention: boolean): Record<string, unknown> {
  const filters = features.timelineFilters;
  return everyMention && filters ? { id, assertions: filters.assertions, subjects: filters.subjects } : { id };
}

export const RECORD_QUERY = `query ViewerRecord($id: ID!) { record(id: $id) { id kind recordedAt text } }`;

/** One page of known patients, in id order (the id box's suggestions page on from `after`). */
export const PATIENTS_QUERY = `query ViewerPatients($after: String) {
  patients(first: 100, after: $after) { nodes { id recordCount } pageInfo { endCursor hasNextPage } }
}`;

/**
 * Patients with a mention of `type` whose text contains `text` (cohort query; only when the schema has it), a page of
 * 50 at a time. The API needs at least one of the two; the form does not send an empty search.
 */
export const COHORT_QUERY = `query ViewerCohort($type: EntityType, $text: String, $after: String) {
  cohort(criteria: { event: { type: $type, text: $text } }, first: 50, after: $after) {
    count patients { nodes { id recordCount } pageInfo { endCursor hasNextPage } } }
}`;

const JOB_FIELDS = 'id status done failed total entities';
export const RECENT_JOBS_QUERY = `query ViewerJobs { jobs(first: 8) { nodes { ${JOB_FIELDS} } } }`;
export const JOB_EVENTS_SUBSCRIPTION = `subscription ViewerJobEvents { extractionEvents { patientId job { ${JOB_FIELDS} } } }`;
