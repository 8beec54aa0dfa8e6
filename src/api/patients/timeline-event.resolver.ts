import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TimelineEvent } from '../../graph/index.js';
import type { ApiContext } from '../context.js';
import { EntityNode } from '../entities/entity.type.js';
import { SourceSpanNode, TimelineEventNode } from './patient.type.js';
import { RecordNode } from './record.type.js';
import { loadRecord } from './record.resolver.js';
import { EventTimeNode } from '../shared/time-interval.type.js';
import { TimexNode } from '../shared/timex.type.js';

/** Timeline rows carry the entity and its time; record and timex come through the request's loaders (one batch each). */
@Resolver(() => TimelineEventNode)
export class TimelineEventResolver {
  @FieldResolver(() => EntityNode)
  entity(@Root() row: TimelineEvent): EntityNode {
    return row.entity;
  }

  @FieldResolver(() => TimexNode, { nullable: true })
  async timex(@Root() row: TimelineEvent, @Ctx() ctx: ApiContext): Promise<TimexNode | null> {
    return row.entity.timexId === null ? null : ctx.loaders.timex.load(row.entity.timexId);
  }

  @FieldResolver(() => RecordNode)
  record(@Root() row: TimelineEvent, @Ctx() ctx: ApiContext): Promise<RecordNode> {
    return loadRecord(ctx, row.entity.recordId);
  }

  @FieldResolver(() => EventTimeNode)
  time(@Root() row: TimelineEvent): EventTimeNode {
    return row.entity.time;
  }

  @FieldResolver(() => Boolean)
  undated(@Root() row: TimelineEvent): boolean {
    return row.entity.time.undated;
  }

  @FieldResolver(() => SourceSpanNode)
  span(@Root() row: TimelineEvent): SourceSpanNode {
    const { recordId, start, end, text } = row.entity;
    return { recordId, start, end, text };
  }
}
