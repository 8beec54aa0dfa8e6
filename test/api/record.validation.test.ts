import { describe, expect, it } from 'vitest';
import { validateRecords } from '../../src/api/record.validation.js';
import type { ClinicalRecord } from '../../src/domain/record.js';

const limits = { maxRecordChars: 10, maxRecordsPerCall: 3 };
const record = (over: Partial<ClinicalRecord> = {}): ClinicalRecord => ({
  patientId: 'p1', recordId: 'r1', kind: 'ADMISSION', recordedAt: '2020-01-01', text: '左乳癌术后', ...over,
});

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('validateRecords', () => {
  it('accepts a valid call', () => {
    expect(() => validateRecords([record(), record({ recordId: 'r2' })], limits)).not.toThrow();
  });

  it.each<[string, ClinicalRecord[], string]>([
    ['no records', [], 'TOO_MANY_RECORDS'],
    ['too many records', [1, 2, 3, 4].map((i) => record({ recordId: `r${i}` })), 'TOO_MANY_RECORDS'],
    ['blank text', [record({ text: ' \n ' })], 'EMPTY_TEXT'],
    ['text over the limit', [record({ text: '癌'.repeat(11) })], 'TEXT_TOO_LONG'],
    ['a repeated record id', [record(), record()], 'DUPLICATE_RECORD_ID'],
    ['an impossible date', [record({ recordedAt: '2018-02-30' })], 'INVALID_DATE'],
    ['an empty patient id', [record({ patientId: '' })], 'BAD_USER_INPUT'],
  ])('rejects %s', (_, records, code) => {
    expect(codeOf(() => validateRecords(records, limits))).toBe(code);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(() => validateRecords([record({ text: '𠀀'.repeat(10) })], limits)).not.toThrow();
  });
});
