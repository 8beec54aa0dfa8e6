import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import type { Assertion, EntityType, Subject } from '../../domain/index.js';
import { BadUserInputError } from '../../errors/index.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import type { ApiContext } from '../context.js';
import { AssertionEnum, EntityTypeEnum, SubjectEnum } from '../shared/enums.js';
import { PatientNode, PatientTimelineUpdateNode, TimelineEventNode } from './patient.type.js';
import { RecordNode } from './record.type.js';
import type { TimelineEvent } from '../../graph/index.js';
import { TOPICS, type TimelineUpdatedPayload } from '../topics.js';

@ArgsType()
class TimelineArgs {
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Only events whose interval ends on or after this day.' })
  from?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Only events whose interval starts on or before this day.' })
  to?: string | null;

  @Field(() => [EntityTypeEnum], { nullable: true, description: 'Only these entity types (default: all event types).' })
  types?: EntityType[] | null;

  @Field(() => [AssertionEnum], { nullable: true, description: 'Only mentions with these assertions (default: PRESENT and POSSIBLE; add ABSENT to see denied findings).' })
  assertions?: Assertion[] | null;

  @Field(() => [SubjectEnum], { nullable: true, description: "Only mentions about these subjects (default: PATIENT; add FAMILY for relatives' histories)." })
  subjects?: Subject[] | null;
}

@Resolver(() => PatientNode)
export class PatientResolver {
  @Authorized(PERMISSIONS.read)
  @Query(() => PatientNode, { nullable: true, description: 'A patient by id; null when unknown (no record of theirs was ever submitted).' })
  patient(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<PatientNode | null> {
    return ctx.loaders.patient.load(id);
  }

  @FieldResolver(() => [RecordNode], { description: 'The stored records, by recordedAt then id.' })
  async records(@Root() patient: PatientNode, @Ctx() ctx: ApiContext): Promise<RecordNode[]> {
    ctx.budget.check('records');
    return ctx.budget.take('records', await ctx.loaders.recordsByPatient.load(patient.id));
  }

  @FieldResolver(() => [TimelineEventNode], {
    description:
      'Event entities ordered by resolved time (interval start, then end, then record date, record id, offset). ' +
      'Undated events sit at their record date with `undated: true`. By default only what the record asserts or suspects ' +
      '(`assertion` PRESENT or POSSIBLE) about the patient: denied findings and relatives\' histories are left out. ' +
      '`from` after `to` → BAD_USER_INPUT.',
  })
  async timeline(@Root() patient: PatientNode, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: ApiContext): Promise<TimelineEvent[]> {
    ctx.budget.check('timeline');
    if (args.from && args.to && args.from > args.to) {
      throw new BadUserInputError(`timeline: expected from <= to, got from ${args.from} and to ${args.to}`);
    }
    return ctx.budget.take('timeline', await ctx.loaders.timeline.load({
      patientId: patient.id,
      ...(args.from ? { from: args.from } : {}),
      ...(args.to ? { to: args.to } : {}),
      ...(args.types && args.types.length > 0 ? { types: args.types } : {}),
      ...(args.assertions && args.assertions.length > 0 ? { assertions: args.assertions } : {}),
      ...(args.subjects && args.subjects.length > 0 ? { subjects: args.subjects } : {}),
    }));
  }

  @Authorized(PERMISSIONS.read)
  @Subscription(() => PatientTimelineUpdateNode, {
    topics: TOPICS.TIMELINE_UPDATED,
    topicId: ({ args }) => (args as { patientId: string }).patientId,
    description: "Sent when a job stored new records or events for the patient (coalesced); query `patient { timeline }` in it.",
  })
  patientTimelineUpdated(
    @Arg('patientId', () => ID) _patientId: string,
    @Root() event: TimelineUpdatedPayload,
    @Ctx() ctx: ApiContext,
  ): PatientTimelineUpdateNode {
    ctx.loaders.clearAll(); // one context serves the whole subscription: read fresh for every event
    ctx.budget.reset();
    return { patientId: event.patientId, patient: null };
  }
}

@Resolver(() => PatientTimelineUpdateNode)
export class PatientTimelineUpdateResolver {
  @FieldResolver(() => PatientNode, { nullable: true })
  patient(@Root() update: PatientTimelineUpdateNode, @Ctx() ctx: ApiContext): Promise<PatientNode | null> {
    return ctx.loaders.patient.load(update.patientId);
  }
}
