import { Field, ID, InputType } from 'type-graphql';
import type { RecordKind } from '../../domain/index.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import { RecordKindEnum } from '../shared/enums.js';

/**
 * Every rule (ids, text, limits from configuration) is checked by `validateRecords`, not by class-validator, so one
 * call reports the problems of all its records at once.
 */
@InputType('RecordInput', {
  description:
    'One clinical record. Re-submitting a recordId (same patientId) replaces its extraction and duplicates nothing; ' +
    'a recordId already stored under another patientId is rejected with RECORD_PATIENT_MISMATCH.',
})
export class RecordInput {
  @Field(() => ID, { description: '1..200 characters, well-formed Unicode, no surrounding spaces or control characters.' })
  patientId!: string;

  @Field(() => ID, { description: 'Unique per record across the platform, and bound to its patientId; at most once per call.' })
  recordId!: string;

  @Field(() => RecordKindEnum)
  kind!: RecordKind;

  @Field(() => CalendarDateScalar, { description: 'The record reference date: relative times (3月前, 术后2年) resolve against it.' })
  recordedAt!: string;

  @Field(() => String, { description: 'Record text (Chinese). At least one visible character; at most MAX_RECORD_CHARS characters.' })
  text!: string;
}
