import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { validateRecords } from '../../src/domain/index.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { createApiPubSub } from '../../src/api/topics.js';
import type { ClinicalRecord } from '../../src/domain/record.js';

const read = (file: string): string => readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');

describe('examples/', () => {
  it('records.jsonl is valid input for submitRecords, with several record kinds per patient', () => {
    const records = read('records.jsonl').trim().split('\n').map((line) => JSON.parse(line) as ClinicalRecord);
    expect(() => validateRecords(records, { maxRecordChars: 20000, maxRecordsPerCall: 500, maxCharsPerCall: 500_000 })).not.toThrow();
    const patients = new Set(records.map((r) => r.patientId));
    expect(patients.size).toBeGreaterThanOrEqual(2);
    for (const patient of patients) {
      const kinds = new Set(records.filter((r) => r.patientId === patient).map((r) => r.kind));
      expect(kinds.size).toBeGreaterThanOrEqual(3);
    }
  });

  it('queries.graphql validates against the schema', async () => {
    const schema = await buildApiSchema(createApiPubSub());
    expect(validate(schema, parse(read('queries.graphql'))).map((e) => e.message)).toEqual([]);
  });
});
