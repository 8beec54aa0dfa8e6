import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import type { EntityType } from '../../domain/index.js';
import type { ApiContext } from '../context.js';
import { ConceptNode, EntityConnectionNode, EntityNode, TermNode } from './entity.type.js';
import { EntityTypeEnum } from '../shared/enums.js';
import { PageArgs } from '../shared/pagination.args.js';
import { RecordNode } from '../patients/record.type.js';
import { loadRecord } from '../patients/record.resolver.js';
import { TimexNode } from '../shared/timex.type.js';

@ArgsType()
class EntitiesArgs extends PageArgs {
  @Field(() => EntityTypeEnum, { nullable: true })
  type?: EntityType | null;

  @Field(() => String, { nullable: true, description: 'Entities whose text contains this string.' })
  text?: string | null;
}

@Resolver(() => EntityNode)
export class EntityResolver {
  @Authorized(PERMISSIONS.read)
  @Query(() => EntityConnectionNode, { description: 'Stored entities across all patients, filtered, with cursor pagination.' })
  async entities(@Args(() => EntitiesArgs) args: EntitiesArgs, @Ctx() ctx: ApiContext): Promise<EntityConnectionNode> {
    const page = await ctx.services.reads.searchEntities({
      first: args.first,
      ...(args.type ? { type: args.type } : {}),
      ...(args.text ? { text: args.text } : {}),
      ...(args.after ? { after: args.after } : {}),
    });
    return { nodes: page.items, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @FieldResolver(() => RecordNode)
  record(@Root() entity: EntityNode, @Ctx() ctx: ApiContext): Promise<RecordNode> {
    return loadRecord(ctx, entity.recordId);
  }

  @FieldResolver(() => TermNode, { nullable: true, description: 'The literal grouping this mention belongs to (same type, same normalised text).' })
  term(@Root() entity: EntityNode, @Ctx() ctx: ApiContext): Promise<TermNode | null> {
    return ctx.loaders.term.load(entity.termId);
  }

  @FieldResolver(() => ConceptNode, { nullable: true, description: 'The standard concept this mention denotes (ICD-10, ICD-9-CM-3, generic drug name); null when none fits.' })
  async concept(@Root() entity: EntityNode, @Ctx() ctx: ApiContext): Promise<ConceptNode | null> {
    return entity.conceptId === null ? null : ctx.loaders.concept.load(entity.conceptId);
  }

  @FieldResolver(() => TimexNode, { nullable: true, description: 'The time expression that places this event, if any.' })
  async timex(@Root() entity: EntityNode, @Ctx() ctx: ApiContext): Promise<TimexNode | null> {
    return entity.timexId === null ? null : ctx.loaders.timex.load(entity.timexId);
  }
}
