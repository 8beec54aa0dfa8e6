import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import type { RecordKind } from '../../domain/index.js';
import type { RecordStatus } from '../../graph/index.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import { RecordKindEnum, RecordStatusEnum } from '../shared/enums.js';

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

  @Authorized(PERMISSIONS.readText)
  @Field(() => String, { description: 'The full record text: roles clinician and admin only (a researcher gets FORBIDDEN).' })
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
