import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EntityNode } from '../entities/entity.type.js';
import { RecordNode } from './record.type.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import { EventTimeNode } from '../shared/time-interval.type.js';
import { TimexNode } from '../shared/timex.type.js';

/** A patient; `records` and `timeline` are field resolvers (patient.resolver.ts). */
@ObjectType('Patient', { description: 'A patient and everything stored about them.' })
export class PatientNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  recordCount!: number;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Earliest record date.' })
  firstRecordedAt!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Latest record date.' })
  lastRecordedAt!: string | null;
}

@ObjectType('SourceSpan', { description: 'Where in which record an event was written.' })
export class SourceSpanNode {
  @Field(() => ID)
  recordId!: string;

  @Field(() => Int, { description: 'UTF-16 offset into the record text.' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset, exclusive.' })
  end!: number;

  @Field(() => String, { description: 'The text of the span (equals entity.text).' })
  text!: string;
}

@ObjectType('TimelineEvent', {
  description: 'An event entity placed on the patient timeline. Undated events sit at their record date and have `undated: true`.',
})
export class TimelineEventNode {
  @Field(() => EntityNode)
  entity!: EntityNode;

  @Field(() => TimexNode, {
    nullable: true,
    description: 'The time expression linked to the event; null when none. (One that could not be resolved leaves the event undated.)',
  })
  timex!: TimexNode | null;

  @Field(() => RecordNode)
  record!: RecordNode;

  @Field(() => EventTimeNode, { description: 'When the event happened; for undated events the record date (precision DAY).' })
  time!: EventTimeNode;

  @Field(() => Boolean, { description: 'True when no time expression places the event (it sits at the record date).' })
  undated!: boolean;

  @Field(() => SourceSpanNode)
  span!: SourceSpanNode;
}

@ObjectType('PatientTimelineUpdate', { description: 'Sent when a job has stored new records or events for a patient.' })
export class PatientTimelineUpdateNode {
  @Field(() => ID)
  patientId!: string;

  @Field(() => PatientNode, { nullable: true, description: 'The patient as stored now (read fresh for every update).' })
  patient!: PatientNode | null;
}
