import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RecordKind } from '../domain/record.js';
import type { RecordStatus } from '../graph/graph.types.js';
import { CalendarDateScalar } from './calendar-date.scalar.js';
import { RecordKindEnum, RecordStatusEnum } from './enums.js';

/** A stored record (graph `RecordView`). `patient`, `entities` and `timexes` are field resolvers (record.resolver.ts). */
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

  @Field(() => RecordStatusEnum)
  status!: RecordStatus;

  @Field(() => Int)
  entityCount!: number;

  @Field(() => Int)
  timexCount!: number;

  @Field(() => String, { nullable: true, description: 'Model of the stored extraction; null until processed.' })
  modelName!: string | null;

  @Field(() => String, { nullable: true })
  modelVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'The pipeline stages and versions that produced the stored extraction (`ner@… → rules@… → …`).' })
  pipeline!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp of the stored extraction; null until processed.' })
  processedAt!: string | null;
}
