import { Field, ObjectType } from 'type-graphql';
import type { TimePrecision } from '../../domain/index.js';
import { CalendarDateScalar } from './calendar-date.scalar.js';
import { TimePrecisionEnum } from './enums.js';

@ObjectType('TimeInterval', { description: 'A calendar interval, both ends inclusive (2018-03 → 2018-03-01..2018-03-31, precision MONTH).' })
export class TimeIntervalNode {
  @Field(() => CalendarDateScalar)
  start!: string;

  @Field(() => CalendarDateScalar)
  end!: string;

  @Field(() => TimePrecisionEnum)
  precision!: TimePrecision;

  @Field(() => Boolean, { description: 'The text marks it as approximate (余, 约, 左右, ...).' })
  approx!: boolean;
}

@ObjectType('EventTime', {
  description: "When an event happened: its time expression's interval, or (undated: true) the record date as a DAY interval.",
})
export class EventTimeNode extends TimeIntervalNode {
  @Field(() => Boolean, { description: 'No time expression places the event; it sits at its record date.' })
  undated!: boolean;
}
