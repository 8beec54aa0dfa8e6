import { describe, expect, it } from 'vitest';
import { detectAssertions, type AssertionInput } from '../../src/assertion/index.js';

const call = (text: unknown, mentions: unknown) => () => detectAssertions(text as string, mentions as AssertionInput[]);

describe('detectAssertions misuse', () => {
  it('rejects a span past the end of the text, naming expected and got', () => {
    expect(call('无发热', [{ start: 1, end: 3, type: 'SYMPTOM' }, { start: 2, end: 9, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[1]: expected 0 <= start < end <= 3 (text length), got start 2, end 9'),
    );
  });

  it('rejects negative, empty and reversed spans', () => {
    expect(call('无发热', [{ start: -1, end: 2, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[0]: expected 0 <= start < end <= 3 (text length), got start -1, end 2'),
    );
    expect(call('无发热', [{ start: 2, end: 2, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[0]: expected 0 <= start < end <= 3 (text length), got start 2, end 2'),
    );
    expect(call('无发热', [{ start: 3, end: 1, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[0]: expected 0 <= start < end <= 3 (text length), got start 3, end 1'),
    );
  });

  it('rejects offsets that are not integers', () => {
    expect(call('无发热', [{ start: 1.5, end: 3, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[0]: expected integer start and end, got start 1.5, end 3'),
    );
    expect(call('无发热', [{ start: '1', end: 3, type: 'SYMPTOM' }])).toThrow(
      new TypeError('mentions[0]: expected integer start and end, got start 1, end 3'),
    );
  });

  it('rejects an unknown type, listing the allowed ones', () => {
    expect(call('无发热', [{ start: 1, end: 3, type: '症状和体征' }])).toThrow(
      new TypeError('mentions[0]: expected type one of DISEASE, IMAGING, LAB_TEST, SURGERY, DRUG, ANATOMY, SYMPTOM, EXAM, TREATMENT, got "症状和体征"'),
    );
  });

  it('rejects a text that is not a string and mentions that are not an array of objects', () => {
    expect(call(null, [])).toThrow(new TypeError('text: expected a string, got object'));
    expect(call('无发热', null)).toThrow(new TypeError('mentions: expected an array, got null'));
    expect(call('无发热', [null])).toThrow(new TypeError('mentions[0]: expected an object, got null'));
  });

  it('checks every mention before doing any work', () => {
    expect(call('无发热', [{ start: 1, end: 3, type: 'SYMPTOM' }, { start: 0, end: 4, type: 'SYMPTOM' }])).toThrow(/mentions\[1\]/);
  });
});
