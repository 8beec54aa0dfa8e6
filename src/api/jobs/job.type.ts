import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JobStatusEnum, type JobStatusValue } from '../shared/enums.js';
import { PageInfoNode } from '../shared/page-info.type.js';

@ObjectType('RecordError', { description: 'Why one record of a job failed. Never contains record text.' })
export class RecordErrorNode {
  @Field(() => ID)
  recordId!: string;

  @Field(() => String, { description: 'Machine-readable code, e.g. NER_FAILED, GRAPH_WRITE_FAILED.' })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('Job', { description: 'An ingestion job: the records of one `submitRecords` call, processed in the background.' })
export class JobNode {
  @Field(() => ID)
  id!: string;

  @Field(() => JobStatusEnum)
  status!: JobStatusValue;

  @Field(() => Int, { description: 'Records accepted by the call.' })
  total!: number;

  @Field(() => Int, { description: 'Records processed so far, failed ones included.' })
  done!: number;

  @Field(() => Int, { description: 'Records that failed (see `errors`).' })
  failed!: number;

  @Field(() => Int, { description: 'Records dropped by `cancelJob` before they were processed.' })
  cancelled!: number;

  @Field(() => Int, { description: 'Entities stored so far.' })
  entities!: number;

  @Field(() => [RecordErrorNode])
  errors!: RecordErrorNode[];

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO 8601 timestamp of the last state change.' })
  updatedAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp; null until the job is final.' })
  finishedAt!: string | null;
}

@ObjectType('JobProgress', { description: 'A job state change. Bursts are coalesced per job; the final state (CANCELLED included) is always delivered.' })
export class JobProgressNode {
  @Field(() => JobNode)
  job!: JobNode;

  @Field(() => ID, { nullable: true, description: 'The record whose processing caused this change, if any.' })
  recordId!: string | null;

  @Field(() => ID, { nullable: true })
  patientId!: string | null;
}

@ObjectType('JobConnection')
export class JobConnectionNode {
  @Field(() => [JobNode], { description: 'Newest first.' })
  nodes!: JobNode[];

  @Field(() => PageInfoNode)
  pageInfo!: PageInfoNode;
}
