import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from './context.js';
import { EntityNode } from './entity.type.js';
import { SourceSpanNode, TimelineEventNode } from './patient.type.js';
import { RecordNode } from './record.type.js';
import type { TimelineRow } from './services.js';
import { TimexNode } from './timex.type.js';
import { loadRecord } from './record.resolver.js';

/** Timeline rows carry the entity; record and timex come through the request's loaders (one batch each). */
@Resolver(() => TimelineEventNode)
export class TimelineEventResolver {
  @FieldResolver(() => EntityNode)
  entity(@Root() row: TimelineRow): EntityNode {
    return row.entity;
  }

  @FieldResolver(() => TimexNode, { nullable: true })
  async timex(@Root() row: TimelineRow, @Ctx() ctx: ApiContext): Promise<TimexNode | null> {
    return row.timexId === null ? null : ctx.loaders.timex.load(row.timexId);
  }

  @FieldResolver(() => RecordNode)
  record(@Root() row: TimelineRow, @Ctx() ctx: ApiContext): Promise<RecordNode> {
    return loadRecord(ctx, row.entity.recordId);
  }

  @FieldResolver(() => SourceSpanNode)
  span(@Root() row: TimelineRow): SourceSpanNode {
    const { recordId, start, end, text } = row.entity;
    return { recordId, start, end, text };
  }
}
