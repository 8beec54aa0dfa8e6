import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Assertion, EntityType, Subject } from '../../domain/index.js';
import { ConceptNode } from '../entities/entity.type.js';
import { AssertionEnum, EntityTypeEnum, SubjectEnum } from '../shared/enums.js';
import { EventTimeNode } from '../shared/time-interval.type.js';
import { TimexNode } from '../shared/timex.type.js';

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

  @Field(() => AssertionEnum, { description: 'Whether the text asserts (PRESENT), denies (ABSENT) or suspects (POSSIBLE) it.' })
  assertion!: Assertion;

  @Field(() => SubjectEnum, { description: "Whose fact it is: the patient's, a relative's, or someone else's." })
  subject!: Subject;

  @Field(() => String, { nullable: true, description: 'The words that decided assertion or subject (无, 考虑, 母亲…); null when none did.' })
  cue!: string | null;

  @Field(() => ConceptNode, { nullable: true, description: 'The standard concept it denotes; null when none fits.' })
  concept!: ConceptNode | null;
}

@ObjectType('PipelineStage', { description: 'One stage of the record pipeline and the version of what it ran.' })
export class PipelineStageNode {
  @Field(() => String, { description: 'ner, rules, assertion, normalise or time.' })
  name!: string;

  @Field(() => String)
  version!: string;
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

  @Field(() => [PipelineStageNode], { description: 'The stages that ran, in order.' })
  stages!: PipelineStageNode[];
}
