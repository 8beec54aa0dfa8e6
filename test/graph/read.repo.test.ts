import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import type { JobService } from '../../src/jobs/index.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { finished, newService, record } from '../jobs/job-test-kit.js';

let driver: GraphDriver;
let reads: ReadRepository;
let service: JobService;
const patientA = uniqueId('pa');
const patientB = uniqueId('pb');
const a1 = record(patientA, '2018-03-12行左乳癌改良根治术，术后2年复查CT。', '2020-05-01');
const a2 = record(patientA, '复查血常规。', '2019-01-10');
const b1 = record(patientB, '患者2019年5月确诊乳腺癌，行改良根治术。', '2019-06-01');

beforeAll(async () => {
  driver = await testDriver();
  reads = new ReadRepository(driver);
  service = newService(driver);
  await service.start();
  await finished(service, (await service.submit([a1, a2, b1])).id);
  // The job can report its final state before its last writes settle; the round-trip counts below must see none.
  await service.stop();
});
afterAll(async () => {
  await service?.stop();
  await driver?.close();
});

describe('ReadRepository batch methods (one round trip each, answers in key order)', () => {
  it('patients, records and records by patient', async () => {
    driver.resetRoundTrips();
    const [pa, missing, pb] = await reads.patientsByIds([patientA, 'nobody', patientB]);
    expect(pa).toEqual({ id: patientA, recordCount: 2, firstRecordedAt: '2019-01-10', lastRecordedAt: '2020-05-01' });
    expect(missing).toBeNull();
    expect(pb?.recordCount).toBe(1);
    const recs = await reads.recordsByIds([b1.recordId, a1.recordId]);
    expect(recs.map((r) => r?.id)).toEqual([b1.recordId, a1.recordId]);
    expect(recs[1]).toMatchObject({ kind: 'PROGRESS', status: 'DONE', entityCount: 3, timexCount: 2, modelName: 'dictionary' });
    const byPatient = await reads.recordsByPatientIds([patientB, patientA, 'nobody']);
    expect(byPatient.map((rs) => rs.map((r) => r.id))).toEqual([[b1.recordId], [a2.recordId, a1.recordId], []]);
    expect(driver.roundTrips).toBe(3);
  });

  it('entities, TIMEX and terms', async () => {
    driver.resetRoundTrips();
    const [ea, eb] = await reads.entitiesByRecordIds([a1.recordId, b1.recordId]);
    expect(ea?.map((e) => e.text)).toEqual(['左乳癌', '改良根治术', 'CT']);
    const [timexes] = await reads.timexesByRecordIds([a1.recordId]);
    const byId = await reads.timexesByIds([timexes![1]!.id, 'none', timexes![0]!.id]);
    expect(byId.map((t) => t?.localId ?? null)).toEqual(['T2', null, 'T1']);
    // The surgery term is shared by both patients.
    const surgery = eb!.find((e) => e.type === 'SURGERY')!;
    expect(surgery.termId).toBe('SURGERY:改良根治术');
    const [term] = await reads.termsByIds([surgery.termId]);
    expect(term).toMatchObject({ type: 'SURGERY', name: '改良根治术' });
    expect(term!.patientCount).toBeGreaterThanOrEqual(2);
    expect(driver.roundTrips).toBe(4);
  });
});

describe('timeline', () => {
  it('orders events by resolved time; undated ones sit at their record date, flagged', async () => {
    const events = await reads.timeline({ patientId: patientA });
    expect(events.map((e) => [e.entity.text, e.entity.time.start, e.entity.time.undated])).toEqual([
      ['左乳癌', '2018-03-12', false],
      ['改良根治术', '2018-03-12', false],
      ['血常规', '2019-01-10', true],
      ['CT', '2020-01-01', false],
    ]);
    expect(events[2]).toMatchObject({ recordKind: 'PROGRESS', recordedAt: '2019-01-10' });
  });

  it('filters by overlap with [from, to] and by type', async () => {
    const inside = await reads.timeline({ patientId: patientA, from: '2019-01-01', to: '2020-06-30' });
    expect(inside.map((e) => e.entity.text)).toEqual(['血常规', 'CT']);
    const surgeries = await reads.timeline({ patientId: patientA, types: ['SURGERY'] });
    expect(surgeries.map((e) => e.entity.text)).toEqual(['改良根治术']);
    await expect(reads.timeline({ patientId: patientA, from: '2020-01-01', to: '2019-01-01' }))
      .rejects.toThrow('from/to: expected from <= to, got 2020-01-01 > 2019-01-01');
  });
});

describe('searchEntities', () => {
  it('filters by type, text and patient, with cursor pagination', async () => {
    const first = await reads.searchEntities({ patientId: patientA, first: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const rest = await reads.searchEntities({ patientId: patientA, first: 10, after: first.endCursor! });
    expect(rest.hasNextPage).toBe(false);
    expect([...first.items, ...rest.items].map((e) => e.id)).toHaveLength(4);
    const ct = await reads.searchEntities({ patientId: patientA, text: 'ct', type: 'IMAGING', first: 5 });
    expect(ct.items.map((e) => e.text)).toEqual(['CT']);
    await expect(reads.searchEntities({ first: 501 })).rejects.toThrow('first: expected an integer 1..500, got 501');
  });
});
