import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EntityType } from '../domain/entity.js';
import { EntityTypeEnum } from './enums.js';
import { EventTimeNode } from './time-interval.type.js';
import { TimexNode } from './timex.type.js';

@ObjectType('ExtractedEntity', { description: 'An entity found by `extract` (not stored).' })
export class ExtractedEntityNode {
  @Field(() => EntityTypeEnum)
  type!: EntityType;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => Float)
  confidence!: number;

  @Field(() => String, { nullable: true, description: 'Id (T1, T2, ...) of the time expression placing this event, if any.' })
  timexId!: string | null;

  @Field(() => EventTimeNode, { nullable: true, description: 'Resolved time; the reference date (undated) for undated events; null for non-events.' })
  time!: EventTimeNode | null;

  @Field(() => Boolean, { description: 'True for an event no time expression places.' })
  undated!: boolean;
}

@ObjectType('ModelInfo')
export class ModelInfoNode {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  version!: string;
}

@ObjectType('ExtractionPreview', { description: 'NER and time analysis of a text, without storing anything.' })
export class ExtractionPreviewNode {
  @Field(() => [ExtractedEntityNode])
  entities!: ExtractedEntityNode[];

  @Field(() => [TimexNode])
  timexes!: TimexNode[];

  @Field(() => ModelInfoNode)
  model!: ModelInfoNode;
}
