import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { TimexKind, UnresolvedReason } from '../../domain/index.js';
import { AnchorSourceEnum, TimexKindEnum, UnresolvedReasonEnum } from './enums.js';
import { TimeIntervalNode } from './time-interval.type.js';

@ObjectType('Timex', { description: 'A time expression in a record, normalised and (when possible) resolved to an interval.' })
export class TimexNode {
  @Field(() => ID, { description: 'Stored: `<recordId>:<localId>`; in an `extract` preview: the local id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The record it was found in; null in an `extract` preview.' })
  recordId!: string | null;

  @Field(() => String, { description: 'Id within the record: T1, T2, ... in text order.' })
  localId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Int, { description: 'UTF-16 offset into the record text.' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset, exclusive.' })
  end!: number;

  @Field(() => TimexKindEnum)
  kind!: TimexKind;

  @Field(() => String, { description: 'ISO 8601 partial date or signed duration, e.g. 2018-03, -P3M, P2Y.' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'EVENT_RELATIVE only: the anchor event word (术, 化疗).' })
  anchor!: string | null;

  @Field(() => Boolean)
  approx!: boolean;

  @Field(() => TimeIntervalNode, { nullable: true, description: 'Null when unresolved (see `unresolvedReason`).' })
  interval!: TimeIntervalNode | null;

  @Field(() => UnresolvedReasonEnum, { nullable: true })
  unresolvedReason!: UnresolvedReason | null;

  @Field(() => AnchorSourceEnum, { nullable: true, description: 'EVENT_RELATIVE only: where its anchor event was found.' })
  anchorSource!: 'RECORD' | 'PATIENT_TIMELINE' | null;
}
