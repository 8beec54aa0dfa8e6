import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Assertion, ConceptCode, ConceptSystem, EntityType, Subject } from '../../domain/index.js';
import { AssertionEnum, ConceptSystemEnum, EntityTypeEnum, SubjectEnum } from '../shared/enums.js';
import { PageInfoNode } from '../shared/page-info.type.js';
import { EventTimeNode } from '../shared/time-interval.type.js';

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

  @Field(() => AssertionEnum, { description: 'Whether the record asserts (PRESENT), denies (ABSENT) or suspects (POSSIBLE) it.' })
  assertion!: Assertion;

  @Field(() => SubjectEnum, { description: "Whose fact it is: the patient's, a relative's, or someone else's." })
  subject!: Subject;

  termId!: string;
  conceptId!: string | null;
  timexId!: string | null;
}

@ObjectType('ConceptCode', { description: 'A code of a standard vocabulary with its standard name.' })
export class ConceptCodeNode implements ConceptCode {
  @Field(() => ConceptSystemEnum)
  system!: ConceptSystem;

  @Field(() => String, { description: 'e.g. C50.9 (ICD10), 85.4 (ICD9CM3).' })
  code!: string;

  @Field(() => String, { description: 'The standard name, e.g. 乳腺恶性肿瘤.' })
  name!: string;
}

@ObjectType('Concept', { description: 'A standard concept a mention is coded as, shared across patients, with its hierarchy.' })
export class ConceptNode extends ConceptCodeNode {
  @Field(() => ID, { description: '`<system>:<code>`, e.g. ICD10:C50.9.' })
  id!: string;

  @Field(() => [ConceptCodeNode], { description: 'Broader concepts, nearest first (C50.9 → C50 → C00-D48).' })
  ancestors!: ConceptCodeNode[];
}

@ObjectType('Term', { description: 'The literal grouping of mentions: one normalised text of one type (`<type>:<name>`), shared across patients.' })
export class TermNode {
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
