import { describe, expect, it } from 'vitest';
import { validateRecords, validateText, type ClinicalRecord } from '../../src/domain/index.js';
import { InvalidRecordsError } from '../../src/errors/index.js';

const limits = { maxRecordChars: 10, maxRecordsPerCall: 3, maxCharsPerCall: 25 };
const TEXT = '左乳癌术后';
const record = (over: Partial<ClinicalRecord> = {}): ClinicalRecord => ({
  patientId: 'p1', recordId: 'r1', kind: 'ADMISSION', recordedAt: '2020-01-01', text: TEXT, ...over,
});

function errorOf(fn: () => void): (Error & { code?: string; extensions?: Record<string, unknown> }) | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error as Error & { code?: string };
  }
}
const codeOf = (fn: () => void): string | undefined => errorOf(fn)?.code;

describe('validateRecords', () => {
  it('accepts a valid call', () => {
    expect(() => validateRecords([record(), record({ recordId: 'r2' })], limits)).not.toThrow();
  });

  it.each<[string, ClinicalRecord[], string]>([
    ['no records', [], 'TOO_MANY_RECORDS'],
    ['too many records', [1, 2, 3, 4].map((i) => record({ recordId: `r${i}` })), 'TOO_MANY_RECORDS'],
    ['blank text', [record({ text: ' \n ' })], 'EMPTY_TEXT'],
    ['only zero-width characters', [record({ text: '\u200B\u200C\u200D\uFEFF\u2060' })], 'EMPTY_TEXT'],
    ['only NUL and controls', [record({ text: '\u0000\u0001\u007F\u0085' })], 'EMPTY_TEXT'],
    ['only bidi marks, soft hyphens, fillers and lone combining marks', [record({ text: '\u200E\u00AD\u3164\u0301\u2800' })], 'EMPTY_TEXT'],
    ['text over the limit', [record({ text: '癌'.repeat(11) })], 'TEXT_TOO_LONG'],
    ['a repeated record id', [record(), record()], 'DUPLICATE_RECORD_ID'],
    ['an impossible date', [record({ recordedAt: '2018-02-30' })], 'INVALID_DATE'],
    ['an empty patient id', [record({ patientId: '' })], 'BAD_USER_INPUT'],
    ['a lone surrogate in a patient id', [record({ patientId: 'P\uD800' })], 'BAD_USER_INPUT'],
    ['a lone surrogate in a record id', [record({ recordId: 'R\uDC00' })], 'BAD_USER_INPUT'],
    ['a control character in an id', [record({ recordId: 'R\u0000' })], 'BAD_USER_INPUT'],
    ['a lone surrogate in the text', [record({ text: '左乳\uD800癌' })], 'BAD_USER_INPUT'],
    ['an unknown kind', [record({ kind: 'NOTE' as ClinicalRecord['kind'] })], 'BAD_USER_INPUT'],
    ['more characters in all than MAX_CHARS_PER_CALL', [1, 2, 3].map((i) => record({ recordId: `r${i}`, text: '癌'.repeat(9) })), 'TOO_MANY_CHARS'],
  ])('rejects %s', (_, records, code) => {
    expect(codeOf(() => validateRecords(records, limits))).toBe(code);
  });

  it('reports every bad record of the call at once, with index, field and code', () => {
    const error = errorOf(() => validateRecords([
      record({ text: '\u200B\u0000' }),
      record({ recordId: 'r2', recordedAt: '2018-02-30', patientId: ' p' }),
      record({ recordId: 'r1', text: '癌'.repeat(11) }),
    ], limits));
    expect(error).toBeInstanceOf(InvalidRecordsError);
    expect(error?.code).toBe('EMPTY_TEXT');
    const problems = (error as InvalidRecordsError).problems.map(({ index, field, code }) => ({ index, field, code }));
    expect(problems).toEqual([
      { index: 0, field: 'text', code: 'EMPTY_TEXT' },
      { index: 1, field: 'patientId', code: 'BAD_USER_INPUT' },
      { index: 1, field: 'recordedAt', code: 'INVALID_DATE' },
      { index: 2, field: 'recordId', code: 'DUPLICATE_RECORD_ID' },
      { index: 2, field: 'text', code: 'TEXT_TOO_LONG' },
    ]);
    expect(error?.extensions?.['problems']).toHaveLength(5);
    expect(error?.message).toMatch(/^3 of 3 records rejected: records\[0\]\.text EMPTY_TEXT/);
  });

  it('never echoes record text or ids in messages', () => {
    const secret = '患者女五十二岁左乳肿物';
    const error = errorOf(() => validateRecords([record({ recordId: secret, text: `${secret}${'癌'.repeat(20)}` }), record({ recordId: secret })],
      { ...limits, maxRecordChars: 15 }));
    expect(JSON.stringify({ message: error?.message, extensions: error?.extensions })).not.toContain(secret);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(() => validateRecords([record({ text: '𠀀'.repeat(10) })], limits)).not.toThrow();
  });
});

describe('validateText (extract)', () => {
  it.each([
    ['\u200B\u0000 ', 'EMPTY_TEXT'],
    ['癌'.repeat(11), 'TEXT_TOO_LONG'],
    ['癌\uD800', 'BAD_USER_INPUT'],
  ])('rejects %j with %s', (text, code) => {
    expect(codeOf(() => validateText(text, null, 10))).toBe(code);
  });
});
