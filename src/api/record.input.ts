import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { RecordKind } from '../domain/record.js';
import { CalendarDateScalar } from './calendar-date.scalar.js';
import { RecordKindEnum } from './enums.js';

/** Length limits of the text come from configuration (MAX_RECORD_CHARS) and are checked by `validateRecords`. */
@InputType('RecordInput', { description: 'One clinical record. Re-submitting a recordId replaces nothing and duplicates nothing.' })
export class RecordInput {
  @Field(() => ID)
  @IsNotEmpty()
  @MaxLength(200)
  patientId!: string;

  @Field(() => ID, { description: 'Unique per record across the platform; at most once per call.' })
  @IsNotEmpty()
  @MaxLength(200)
  recordId!: string;

  @Field(() => RecordKindEnum)
  kind!: RecordKind;

  @Field(() => CalendarDateScalar, { description: 'The record reference date: relative times (3月前, 术后2年) resolve against it.' })
  recordedAt!: string;

  @Field(() => String, { description: 'Record text (Chinese). Not blank; at most MAX_RECORD_CHARS characters.' })
  text!: string;
}
