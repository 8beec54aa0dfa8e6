import { describe, expect, it } from 'vitest';
import { segmentText } from '../../web/src/viewer/text-highlight.js';
import { addDays, calendarDateToLocal } from '../../web/src/viewer/timeline-model.js';

describe('viewer modules, misused', () => {
  it('segmentText rejects marks outside the text or reversed, naming what it expected', () => {
    expect(() => segmentText('发热', [{ start: 1, end: 5, kind: 'entity' }])).toThrow(
      new RangeError('expected a entity mark with integers 0 <= start <= end <= 2, got start 1, end 5'),
    );
    expect(() => segmentText('发热', [{ start: 2, end: 1, kind: 'timex' }])).toThrow(
      new RangeError('expected a timex mark with integers 0 <= start <= end <= 2, got start 2, end 1'),
    );
    expect(() => segmentText('发热', [{ start: 0.5, end: 1, kind: 'entity' }])).toThrow(RangeError);
  });

  it('calendar helpers reject anything but YYYY-MM-DD', () => {
    expect(() => calendarDateToLocal('2018-3-1')).toThrow(new RangeError('expected a CalendarDate YYYY-MM-DD, got "2018-3-1"'));
    expect(() => addDays('2018-03', 1)).toThrow(new RangeError('expected a CalendarDate YYYY-MM-DD, got "2018-03"'));
  });
});
