import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { EntityType } from '../domain/entity.js';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { CalendarDateScalar } from './calendar-date.scalar.js';
import type { ApiContext } from './context.js';
import { EntityTypeEnum } from './enums.js';
import { PatientNode, PatientTimelineUpdateNode, TimelineEventNode } from './patient.type.js';
import { RecordNode } from './record.type.js';
import type { TimelineEvent } from '../graph/graph.types.js';
import { TOPICS, type TimelineUpdatedPayload } from './topics.js';

@ArgsType()
class TimelineArgs {
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Only events whose interval ends on or after this day.' })
  from?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Only events whose interval starts on or before this day.' })
  to?: string | null;

  @Field(() => [EntityTypeEnum], { nullable: true, description: 'Only these entity types (default: all event types).' })
  types?: EntityType[] | null;
}

@Resolver(() => PatientNode)
export class PatientResolver {
  @Query(() => PatientNode, { nullable: true, description: 'A patient by id; null when unknown (no record of theirs was ever submitted).' })
  patient(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<PatientNode | null> {
    return ctx.loaders.patient.load(id);
  }

  @FieldResolver(() => [RecordNode], { description: 'The stored records, by recordedAt then id.' })
  records(@Root() patient: PatientNode, @Ctx() ctx: ApiContext): Promise<RecordNode[]> {
    return ctx.loaders.recordsByPatient.load(patient.id);
  }

  @FieldResolver(() => [TimelineEventNode], {
    description:
      'Event entities ordered by resolved time (interval start, then end, then record date, record id, offset). ' +
      'Undated events sit at their record date with `undated: true`. `from` after `to` → BAD_USER_INPUT.',
  })
  timeline(@Root() patient: PatientNode, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: ApiContext): Promise<TimelineEvent[]> {
    if (args.from && args.to && args.from > args.to) {
      throw new BadUserInputError(`timeline: expected from <= to, got from ${args.from} and to ${args.to}`);
    }
    return ctx.loaders.timeline.load({
      patientId: patient.id,
      ...(args.from ? { from: args.from } : {}),
      ...(args.to ? { to: args.to } : {}),
      ...(args.types && args.types.length > 0 ? { types: args.types } : {}),
    });
  }

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
