/**
 * The time budget: a cohort statement that runs past `timeoutMs` is terminated by Neo4j (transaction timeout) and
 * surfaces as COHORT_TIMEOUT; nothing of it is left running on the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CohortRunner } from '../../src/cohort/index.js';
import { CohortTimeoutError } from '../../src/errors/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { writePatient } from './helpers/cohort-patients.js';

let driver: GraphDriver;
const marker = uniqueId('慢');
const patient = uniqueId('cohort-slow');
// Every mention is on the same day, so a sequence of at least one day between two of them compares all N² pairs
// and finds none: seconds of work from one small record. (The launcher checks transaction timeouts every 100 ms; at
// Neo4j's default 2 s a 1-second query answered within a 300 ms budget.)
const N = 2500;
const slow = { sequence: { first: { text: marker }, then: { text: marker }, minDays: 1 } };

beforeAll(async () => {
  driver = await testDriver();
  await writePatient(driver, patient, [{
    recordedAt: '2020-01-01',
    mentions: Array.from({ length: N }, (_, i) => ({ type: 'SYMPTOM' as const, text: `${marker}${i}`, at: ['2020-01-01'] as const })),
  }]);
}, 120_000);
afterAll(async () => {
  await driver?.close();
});

it('a query past its budget is cancelled by Neo4j and fails with COHORT_TIMEOUT, leaving nothing running', async () => {
  const cohorts = new CohortRunner(driver, { timeoutMs: 300 });
  const started = Date.now();
  const error = await cohorts.find(slow, { first: 10, patientIds: [patient] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CohortTimeoutError);
  expect(error).toMatchObject({ code: 'COHORT_TIMEOUT', details: { timeoutMs: 300 } });
  expect((error as Error).message).toBe('cohort query cancelled after its time budget of 300 ms; narrow the criteria');
  // Not retried (the driver retries transient errors for up to 30 s): one budget, plus planning and the round trip.
  expect(Date.now() - started).toBeLessThan(15_000);
  const running = await driver.runGenerated(
    'SHOW TRANSACTIONS YIELD currentQuery, parameters WHERE currentQuery CONTAINS $needle RETURN count(*) AS n',
    { needle: 'c1_minDays' }, { mode: 'READ' },
  );
  expect(running[0]!.get('n')).toBe(0);
}, 60_000);

it('the same query within a larger budget answers', async () => {
  const cohorts = new CohortRunner(driver, { timeoutMs: 60_000 });
  const started = Date.now();
  expect(await cohorts.find(slow, { first: 10, patientIds: [patient] })).toMatchObject({ count: 0 });
  // The budget above must be well under what the query needs, or the first test proves nothing.
  expect(Date.now() - started).toBeGreaterThan(600);
}, 120_000);
