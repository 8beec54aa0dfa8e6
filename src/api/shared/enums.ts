/**
 * GraphQL enums, registered from the domain's string unions so the two never drift apart.
 * Each TypeScript type stays a string union; the registered object only exists for type-graphql.
 */
import { registerEnumType } from 'type-graphql';
import {
  ASSERTIONS, CONCEPT_SYSTEMS, ENTITY_TYPES, SUBJECTS, type Assertion, type ConceptSystem, type EntityType,
  type Subject, RECORD_KINDS, type RecordKind, type TimePrecision, type TimexKind, type UnresolvedReason,
} from '../../domain/index.js';
import type { RecordStatus } from '../../graph/index.js';
import { JOB_STATUSES, type JobStatus } from '../../jobs/index.js';

export type JobStatusValue = JobStatus;

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RecordKindEnum = enumObject<RecordKind>(RECORD_KINDS);
export const EntityTypeEnum = enumObject<EntityType>(ENTITY_TYPES);
export const JobStatusEnum = enumObject<JobStatusValue>(JOB_STATUSES);
export const AssertionEnum = enumObject<Assertion>(ASSERTIONS);
export const SubjectEnum = enumObject<Subject>(SUBJECTS);
export const ConceptSystemEnum = enumObject<ConceptSystem>(CONCEPT_SYSTEMS);
export const TimexKindEnum = enumObject<TimexKind>(['DATE', 'RELATIVE', 'EVENT_RELATIVE', 'DURATION']);
export const TimePrecisionEnum = enumObject<TimePrecision>(['YEAR', 'MONTH', 'DAY', 'MINUTE']);
export const UnresolvedReasonEnum = enumObject<UnresolvedReason>([
  'INVALID_DATE', 'UNKNOWN_YEAR', 'UNKNOWN_QUANTITY', 'ANCHOR_NOT_FOUND', 'DURATION',
]);

export const RecordStatusEnum = enumObject<RecordStatus>(['QUEUED', 'DONE', 'FAILED']);
export const AnchorSourceEnum = enumObject<'RECORD' | 'PATIENT_TIMELINE'>(['RECORD', 'PATIENT_TIMELINE']);

registerEnumType(RecordKindEnum, { name: 'RecordKind', description: 'What kind of clinical document a record is.' });
registerEnumType(EntityTypeEnum, {
  name: 'EntityType',
  description: 'Clinical entity type: the CCKS 2019 and CCKS 2017 labels mapped to platform types (docs/entity-types.md). Every type but ANATOMY is a timeline event.',
  valuesConfig: {
    DISEASE: { description: '疾病和诊断: disease or diagnosis.' },
    IMAGING: { description: '影像检查: imaging examination (CT, MRI, ultrasound, PET-CT).' },
    LAB_TEST: { description: '实验室检验: laboratory test.' },
    SURGERY: { description: '手术: operation or procedure.' },
    DRUG: { description: '药物: drug.' },
    ANATOMY: { description: '解剖部位 / 身体部位: body part (not a timeline event).' },
    SYMPTOM: { description: '症状和体征: symptom or sign (CCKS 2017 head).' },
    EXAM: { description: '检查和检验: examination that is neither imaging nor a lab test (CCKS 2017 head).' },
    TREATMENT: { description: '治疗: treatment other than a drug or an operation, e.g. 化疗, 放疗 (CCKS 2017 head).' },
  },
});
registerEnumType(JobStatusEnum, {
  name: 'JobStatus',
  description:
    'QUEUED → RUNNING → SUCCEEDED | PARTIAL (some records failed) | FAILED (all failed) | CANCELLED (cancelJob: queued ' +
    'records dropped, those in flight finished). The last four are final.',
});
registerEnumType(TimexKindEnum, { name: 'TimexKind', description: 'Kind of time expression (see docs/time-annotation.md).' });
registerEnumType(TimePrecisionEnum, { name: 'TimePrecision', description: 'Precision of a resolved interval.' });
registerEnumType(UnresolvedReasonEnum, { name: 'UnresolvedReason', description: 'Why a time expression has no calendar interval.' });
registerEnumType(RecordStatusEnum, {
  name: 'RecordStatus',
  description: 'QUEUED: extraction pending (or being replaced); DONE: extraction stored; FAILED: the last attempt failed.',
});
registerEnumType(AnchorSourceEnum, {
  name: 'AnchorSource',
  description: 'Where an EVENT_RELATIVE expression found its anchor: the same record, or the patient timeline.',
});
registerEnumType(AssertionEnum, {
  name: 'Assertion',
  description: 'What the record says about a mention: PRESENT (asserted), ABSENT (negated: 无, 否认, 未见…) or POSSIBLE (考虑, 待排, 不除外…).',
});
registerEnumType(SubjectEnum, {
  name: 'Subject',
  description: "Whose fact a mention is: the patient's, a relative's (家族史, 母亲患…), or someone else's.",
});
registerEnumType(ConceptSystemEnum, {
  name: 'ConceptSystem',
  description: 'Standard vocabulary of a concept.',
  valuesConfig: {
    ICD10: { description: 'ICD-10, Beijing clinical edition v601 (diagnoses).' },
    ICD9CM3: { description: 'ICD-9-CM-3 (procedures).' },
    DRUG: { description: 'Generic drug names (brand names map to them).' },
  },
});
