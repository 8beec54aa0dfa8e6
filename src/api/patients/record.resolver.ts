import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import { NotFoundError } from '../../errors/index.js';
import type { ApiContext } from '../context.js';
import { EntityNode } from '../entities/entity.type.js';
import { PatientNode } from './patient.type.js';
import { RecordNode } from './record.type.js';
import { TimexNode } from '../shared/timex.type.js';

/** A record that a stored entity or event points at; its absence means the graph is inconsistent. */
export async function loadRecord(ctx: ApiContext, recordId: string): Promise<RecordNode> {
  const record = await ctx.loaders.record.load(recordId);
  if (!record) throw new NotFoundError('Record', recordId);
  return record;
}

@Resolver(() => RecordNode)
export class RecordResolver {
  @Authorized(PERMISSIONS.read)
  @Query(() => RecordNode, { nullable: true, description: 'A stored record by id; null when unknown.' })
  record(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<RecordNode | null> {
    return ctx.loaders.record.load(id);
  }

  @FieldResolver(() => PatientNode)
  async patient(@Root() record: RecordNode, @Ctx() ctx: ApiContext): Promise<PatientNode> {
    const patient = await ctx.loaders.patient.load(record.patientId);
    if (!patient) throw new NotFoundError('Patient', record.patientId);
    return patient;
  }

  @FieldResolver(() => [EntityNode], { description: 'Entities in text order.' })
  async entities(@Root() record: RecordNode, @Ctx() ctx: ApiContext): Promise<EntityNode[]> {
    ctx.budget.check('entities');
    return ctx.budget.take('entities', await ctx.loaders.entitiesByRecord.load(record.id));
  }

  @FieldResolver(() => [TimexNode], { description: 'Time expressions in text order.' })
  async timexes(@Root() record: RecordNode, @Ctx() ctx: ApiContext): Promise<TimexNode[]> {
    ctx.budget.check('timexes');
    return ctx.budget.take('timexes', await ctx.loaders.timexesByRecord.load(record.id));
  }
}
