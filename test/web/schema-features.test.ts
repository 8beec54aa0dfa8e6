import 'reflect-metadata';
import { graphql, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { createApiPubSub } from '../../src/api/topics.js';
import {
  BASE_FEATURES,
  COHORT_QUERY,
  FEATURES_QUERY,
  featuresFrom,
  JOB_EVENTS_SUBSCRIPTION,
  PATIENTS_QUERY,
  RECENT_JOBS_QUERY,
  RECORD_QUERY,
  timelineQuery,
  timelineSubscription,
  timelineVariables,
  type FeaturesResponse,
} from '../../web/src/viewer/schema-features.js';

describe('viewer queries against the platform schema', () => {
  it('reads the features by introspection and builds queries that validate', async () => {
    const schema = await buildApiSchema(createApiPubSub());
    const result = await graphql({ schema, source: FEATURES_QUERY });
    expect(result.errors).toBeUndefined();
    const features = featuresFrom(result.data as unknown as FeaturesResponse);
    const documents = [RECORD_QUERY, RECENT_JOBS_QUERY, JOB_EVENTS_SUBSCRIPTION, ...[false, true].flatMap((every) => [timelineQuery(features, every), timelineSubscription(features, every)])];
    // The platform has `patients` and `cohort` now: the picker's queries must match them.
    expect([features.patientsQuery, features.cohortQuery]).toEqual([true, true]);
    documents.push(PATIENTS_QUERY, COHORT_QUERY);
    for (const document of documents) expect(validate(schema, parse(document)).map((e) => e.message), document).toEqual([]);
    // What every release has also validates (the viewer's fallback when introspection is off).
    expect(validate(schema, parse(timelineQuery(BASE_FEATURES, false))).map((e) => e.message)).toEqual([]);
  });

  it('uses fields and filters only when the schema has them', () => {
    const older: FeaturesResponse = {
      query: { fields: [{ name: 'patient' }] },
      entity: { fields: [{ name: 'id' }] },
      concept: { fields: [{ name: 'name' }] },
      patient: { fields: [{ name: 'timeline', args: [{ name: 'from' }] }] },
      assertion: null,
      subject: null,
    };
    expect(featuresFrom(older)).toEqual(BASE_FEATURES);
    const newer: FeaturesResponse = {
      query: { fields: [{ name: 'patient' }, { name: 'patients' }, { name: 'cohort' }] },
      entity: { fields: [{ name: 'assertion' }, { name: 'subject' }] },
      concept: { fields: [{ name: 'name' }, { name: 'code' }, { name: 'system' }] },
      patient: { fields: [{ name: 'timeline', args: [{ name: 'assertions' }, { name: 'subjects' }] }] },
      assertion: { enumValues: [{ name: 'PRESENT' }, { name: 'ABSENT' }] },
      subject: { enumValues: [{ name: 'PATIENT' }, { name: 'FAMILY' }] },
    };
    const features = featuresFrom(newer);
    expect(features).toEqual({
      patientsQuery: true,
      cohortQuery: true,
      entityExtras: ['assertion', 'subject'],
      conceptFields: ['name', 'code', 'system'],
      timelineFilters: { assertions: ['PRESENT', 'ABSENT'], subjects: ['PATIENT', 'FAMILY'] },
    });
    expect(timelineQuery(features, true)).toContain('timeline(assertions: $assertions, subjects: $subjects)');
    expect(timelineQuery(features, true)).toContain('assertion subject concept { name code system }');
    expect(timelineQuery(features, false)).not.toContain('$assertions');
    expect(timelineVariables(features, 'P1', true)).toEqual({ id: 'P1', assertions: ['PRESENT', 'ABSENT'], subjects: ['PATIENT', 'FAMILY'] });
    expect(timelineVariables(features, 'P1', false)).toEqual({ id: 'P1' });
  });
});
