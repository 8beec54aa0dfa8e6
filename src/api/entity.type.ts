import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EntityType } from '../domain/entity.js';
import { EntityTypeEnum } from './enums.js';
import { PageInfoNode } from './page-info.type.js';
import { EventTimeNode } from './time-interval.type.js';

/** A stored entity mention (graph `EntityView`); `record`, `timex` and `concept` come through per-request loaders. */
@ObjectType('Entity', { description: 'An entity mention in a stored record.' })
export class EntityNode {
  @Field(() => ID, { description: '`<recordId>:<start>-<end>`' })
  id!: string;

  @Field(() => ID)
  recordId!: string;

  @Field(() => ID)
  patientId!: string;

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

  @Field(() => String)
  modelName!: string;

  @Field(() => String)
  modelVersion!: string;

  @Field(() => EventTimeNode, { description: 'When the event happened (also set, at the record date, for non-event types).' })
  time!: EventTimeNode;

  conceptId!: string;
  timexId!: string | null;
}

@ObjectType('Concept', { description: 'A normalised entity name shared across patients (`<type>:<name>`).' })
export class ConceptNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityTypeEnum)
  type!: EntityType;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Mentions across all patients.' })
  mentionCount!: number;

  @Field(() => Int)
  patientCount!: number;
}

@ObjectType('EntityConnection')
export class EntityConnectionNode {
  @Field(() => [EntityNode])
  nodes!: EntityNode[];

  @Field(() => PageInfoNode)
  pageInfo!: PageInfoNode;
}
