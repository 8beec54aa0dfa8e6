import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printApiSchema } from '../../src/api/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema printed from the code (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(await printApiSchema()).toBe(committed);
  });

  it('exposes the documented operations', async () => {
    const sdl = await printApiSchema();
    for (const operation of ['submitRecords(records: [RecordInput!]!): Job!', 'job(id: ID!): Job', 'patient(id: ID!): Patient',
      'record(id: ID!): Record', 'jobProgress(jobId: ID!): JobProgress!', 'patientTimelineUpdated(patientId: ID!): PatientTimelineUpdate!',
      'extractionEvents: JobProgress!']) {
      expect(sdl).toContain(operation);
    }
  });
});
