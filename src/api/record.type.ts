import { Field, ID, ObjectType } from 'type-graphql';
import type { RecordKind } from '../domain/record.js';
import { CalendarDateScalar } from './calendar-date.scalar.js';
import { RecordKindEnum } from './enums.js';

/** A stored record. `patient`, `entities` and `timexes` are field resolvers (record.resolver.ts). */
@ObjectType('Record', { description: 'A stored clinical record.' })
export class RecordNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  patientId!: string;

  @Field(() => RecordKindEnum)
  kind!: RecordKind;

  @Field(() => CalendarDateScalar, { description: 'Reference date for the relative times in the text.' })
  recordedAt!: string;

  @Field(() => String)
  text!: string;
}
