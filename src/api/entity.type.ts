import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EntityType } from '../domain/entity.js';
import { EntityTypeEnum } from './enums.js';
import { PageInfoNode } from './page-info.type.js';

/** A stored entity mention. `record` and `timex` are resolved through per-request DataLoaders. */
@ObjectType('Entity', { description: 'An entity mention in a stored record.' })
export class EntityNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityTypeEnum)
  type!: EntityType;

  @Field(() => String, { description: 'The model label as trained, e.g. 疾病和诊断.' })
  label!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Int, { description: 'UTF-16 offset into the record text.' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset, exclusive.' })
  end!: number;

  @Field(() => Float, { description: 'CRF marginal probability of the span, 0..1.' })
  confidence!: number;

  recordId!: string;
  timexId!: string | null;
}

@ObjectType('EntityConnection')
export class EntityConnectionNode {
  @Field(() => [EntityNode])
  nodes!: EntityNode[];

  @Field(() => PageInfoNode)
  pageInfo!: PageInfoNode;
}
