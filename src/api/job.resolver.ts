import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { NotFoundError } from '../errors/not-found.error.js';
import type { ApiContext } from './context.js';
import { JobStatusEnum, type JobStatusValue } from './enums.js';
import { JobConnectionNode, JobNode, JobProgressNode } from './job.type.js';
import { PageArgs } from './pagination.args.js';
import { RecordInput } from './record.input.js';
import { submitRecords } from './submission.service.js';
import { followJob } from './job-progress.stream.js';
import { TOPICS } from './topics.js';

@ArgsType()
class JobsArgs extends PageArgs {
  @Field(() => JobStatusEnum, { nullable: true, description: 'Only jobs in this status.' })
  status?: JobStatusValue | null;
}

@Resolver(() => JobNode)
export class JobResolver {
  @Mutation(() => JobNode, {
    description:
      'Queue records for NER + time linking. The whole call is validated first (EMPTY_TEXT, TEXT_TOO_LONG, INVALID_DATE, ' +
      'DUPLICATE_RECORD_ID, TOO_MANY_RECORDS, BAD_USER_INPUT); a rejected call stores nothing. The job is persisted ' +
      'before this returns and survives a restart. Records already stored are not duplicated.',
  })
  submitRecords(@Arg('records', () => [RecordInput]) records: RecordInput[], @Ctx() ctx: ApiContext): Promise<JobNode> {
    return submitRecords(ctx.services, records);
  }

  @Query(() => JobNode, { nullable: true, description: 'A job by id; null when unknown.' })
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<JobNode | null> {
    return ctx.services.jobs.get(id);
  }

  @Query(() => JobConnectionNode, { description: 'Jobs, newest first, with cursor pagination.' })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: ApiContext): Promise<JobConnectionNode> {
    const page = await ctx.services.jobs.list({
      first: args.first,
      ...(args.status ? { status: args.status } : {}),
      ...(args.after ? { after: args.after } : {}),
    });
    return { nodes: page.items, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @Subscription(() => JobProgressNode, {
    description:
      'Progress of one job: first its current state, then every later state (bursts coalesced), completing after the ' +
      'final state (SUCCEEDED, PARTIAL or FAILED). Unknown job id → error NOT_FOUND.',
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

  @Subscription(() => JobProgressNode, {
    topics: TOPICS.EXTRACTION_EVENTS,
    description: 'Progress events of all jobs (coalesced per job for slow subscribers; final states always delivered).',
  })
  extractionEvents(@Root() event: JobProgressNode): JobProgressNode {
    return event;
  }
}
