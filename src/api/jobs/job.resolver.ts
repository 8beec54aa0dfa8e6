import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import { NotFoundError } from '../../errors/index.js';
import type { ApiContext } from '../context.js';
import { JobStatusEnum, type JobStatusValue } from '../shared/enums.js';
import { JobConnectionNode, JobNode, JobProgressNode } from './job.type.js';
import { PageArgs } from '../shared/pagination.args.js';
import { RecordInput } from './record.input.js';
import { submitRecords } from './submission.service.js';
import { followJob } from './job-progress.stream.js';
import { TOPICS } from '../topics.js';

@ArgsType()
class JobsArgs extends PageArgs {
  @Field(() => JobStatusEnum, { nullable: true, description: 'Only jobs in this status.' })
  status?: JobStatusValue | null;
}

@Resolver(() => JobNode)
export class JobResolver {
  @Authorized(PERMISSIONS.submit)
  @Mutation(() => JobNode, {
    description:
      'Queue records for NER + time linking. The whole call is validated first and every bad record is reported at once ' +
      '(extensions.problems: index, field, code; EMPTY_TEXT, TEXT_TOO_LONG, INVALID_DATE, DUPLICATE_RECORD_ID, ' +
      'RECORD_PATIENT_MISMATCH, BAD_USER_INPUT), then the call as a whole (TOO_MANY_RECORDS, TOO_MANY_CHARS); a ' +
      'rejected call stores nothing. The job is persisted before this returns and survives a restart. Records already ' +
      'stored are not duplicated. Neo4j unavailable → SERVICE_UNAVAILABLE within seconds.',
  })
  async submitRecords(@Arg('records', () => [RecordInput]) records: RecordInput[], @Ctx() ctx: ApiContext): Promise<JobNode> {
    const job = await submitRecords(ctx.services, records);
    ctx.access.note(records.map((r) => r.patientId)); // audit: accepted calls only
    return job;
  }

  @Authorized(PERMISSIONS.submit)
  @Mutation(() => JobNode, {
    description:
      'Cancel a job: its queued records are dropped (their text removed; records never processed before are removed), ' +
      'the records in flight finish, and the job ends CANCELLED (delivered to jobProgress subscribers). A final job is ' +
      'returned unchanged. Unknown id → NOT_FOUND.',
  })
  cancelJob(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<JobNode> {
    return ctx.services.jobs.cancel(id);
  }

  @Authorized(PERMISSIONS.jobs)
  @Query(() => JobNode, { nullable: true, description: 'A job by id; null when unknown.' })
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<JobNode | null> {
    return ctx.services.jobs.get(id);
  }

  @Authorized(PERMISSIONS.jobs)
  @Query(() => JobConnectionNode, { description: 'Jobs, newest first, with cursor pagination.' })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: ApiContext): Promise<JobConnectionNode> {
    const page = await ctx.services.jobs.list({
      first: args.first,
      ...(args.status ? { status: args.status } : {}),
      ...(args.after ? { after: args.after } : {}),
    });
    return { nodes: page.items, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @Authorized(PERMISSIONS.jobs)
  @Subscription(() => JobProgressNode, {
    description:
      'Progress of one job: first its current state, then every later state (bursts coalesced), completing after the ' +
      'final state (SUCCEEDED, PARTIAL, FAILED or CANCELLED). Unknown job id → error NOT_FOUND.',
    subscribe: async ({ args, context }) => {
      const { jobId } = args as { jobId: string };
      const ctx = context as ApiContext;
      const stream = await followJob(ctx.services.jobs, ctx.pubsub, jobId);
      if (!stream) throw new NotFoundError('Job', jobId);
      return stream;
    },
  })
  jobProgress(@Arg('jobId', () => ID) _jobId: string, @Root() event: JobProgressNode): JobProgressNode {
    return event;
  }

  @Authorized(PERMISSIONS.jobs)
  @Subscription(() => JobProgressNode, {
    topics: TOPICS.EXTRACTION_EVENTS,
    description: 'Progress events of all jobs (coalesced per job for slow subscribers; final states always delivered).',
  })
  extractionEvents(@Root() event: JobProgressNode): JobProgressNode {
    return event;
  }
}
