/**
 * The bulk writer on the real Neo4j: synthetic patients stored exactly as the record pipeline stores extractions
 * (same mention properties and value types, same links), idempotent per seed, and seen by cohort queries as real
 * data. Unique patient ids per run (the test Neo4j is shared; nothing is wiped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortRunner } from '../../src/cohort/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { replaceExtraction } from '../../src/graph/extraction.repo.js';
import { generatePatients, writeConcepts, writePatients, SYNTH_PIPELINE, type SynthPatient } from '../../src/synth/index.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';

let driver: GraphDriver;
const prefix = `${uniqueId('synth-test')}-`;
// Seed 1's first 12 patients: 4 with breast cancer (2 operated within 30 days), 3 with a relative's, others' cancers.
const patients = generatePatients({ patients: 12, seed: 1, prefix });
const ids = patients.map((p) => p.id);
const READ = { mode: 'READ', timeoutMs: 20_000 } as const;

beforeAll(async () => {
  driver = await testDriver();
  await writeConcepts(driver);
}, 120_000);
afterAll(async () => driver?.close());

async function stored(): Promise<{ records: number; mentions: number; distinctIds: number; terms: number }> {
  const [row] = await driver.runGenerated(
    `MATCH (p:Patient)-[:HAS_RECORD]->(r:Record)-[:HAS_MENTION]->(m:Mention)-[:MENTION_OF]->(t:Term)
     WHERE p.id IN $ids
     RETURN count(DISTINCT r) AS records, count(m) AS mentions, count(DISTINCT m.id) AS distinctIds, count(DISTINCT t) AS terms`,
    { ids }, READ);
  return row!.toObject() as { records: number; mentions: number; distinctIds: number; terms: number };
}

const total = (ps: readonly SynthPatient[]): { records: number; mentions: number } => ({
  records: ps.reduce((s, p) => s + p.records.length, 0),
  mentions: ps.reduce((s, p) => s + p.records.reduce((t, r) => t + r.mentions.length, 0), 0),
});

describe('writePatients on Neo4j', () => {
  it('stores every record and mention once; writing the same patients again duplicates nothing', async () => {
    // Small statements, so records and mentions span several statements each.
    const first = await writePatients(driver, patients, { rowsPerStatement: 200 });
    expect(first).toMatchObject({ patients: 12, ...total(patients) });
    expect(first.statements).toBeGreaterThan(3);
    const once = await stored();
    expect(once).toMatchObject({ records: first.records, mentions: first.mentions, distinctIds: first.mentions });
    await writePatients(driver, patients, { rowsPerStatement: 5000 });
    expect(await stored()).toEqual(once);
  });

  it('stamps records as the synthetic pipeline\'s, DONE, with their entity counts', async () => {
    const rows = await driver.runGenerated(
      `MATCH (r:Record) WHERE r.patientId IN $ids
       RETURN r.id AS id, r.status AS status, r.pipeline AS pipeline, r.entityCount AS entityCount, COUNT { (r)-[:HAS_MENTION]->() } AS mentions`,
      { ids }, READ);
    expect(rows.length).toBe(total(patients).records);
    for (const r of rows) {
      expect(r.get('status')).toBe('DONE');
      expect(r.get('pipeline')).toBe(SYNTH_PIPELINE);
      expect(r.get('entityCount')).toBe(r.get('mentions'));
    }
  });

  it('links mentions like the pipeline: CODED_AS exactly when coded, to the concept of that id, whose IS_A chain is stored', async () => {
    const [row] = await driver.runGenerated(
      `MATCH (m:Mention) WHERE m.patientId IN $ids
       OPTIONAL MATCH (m)-[:CODED_AS]->(c:Concept)
       WITH m, collect(c.id) AS coded
       RETURN sum(CASE WHEN m.conceptId IS NULL AND size(coded) = 0 THEN 1 ELSE 0 END) AS uncoded,
              sum(CASE WHEN m.conceptId IS NOT NULL AND coded = [m.conceptId] THEN 1 ELSE 0 END) AS coded,
              count(m) AS total`,
      { ids }, READ);
    expect(row!.get('uncoded') + row!.get('coded')).toBe(row!.get('total'));
    expect(row!.get('coded')).toBeGreaterThan(0);
    const [chain] = await driver.runGenerated(
      "MATCH p = (:Concept {id: 'ICD10:C50.9'})-[:IS_A*]->(root:Concept) WHERE NOT (root)-[:IS_A]->() RETURN [n IN nodes(p) | n.code] AS codes",
      {}, READ);
    expect(chain!.get('codes')).toEqual(['C50.9', 'C50', 'C50-C50', 'C00-D48']);
  });

  it('gives a synthetic mention the same properties, with the same value types, as the record pipeline gives a real one', async () => {
    const patientId = uniqueId('real');
    const recordId = uniqueId('real-r');
    const text = '2018年3月12日确诊左乳腺癌。';
    await driver.writeTransaction((tx) => replaceExtraction(tx, {
      record: { patientId, recordId, kind: 'PATHOLOGY', recordedAt: '2018-03-20', text },
      entities: [{
        start: 10, end: 14, text: '左乳腺癌', label: '疾病和诊断', type: 'DISEASE', confidence: 0.97, assertion: 'PRESENT', subject: 'PATIENT',
        concept: { system: 'ICD10', code: 'C50.9', name: '未特指的乳房恶性肿瘤', score: 0.9, ancestors: [
          { system: 'ICD10', code: 'C50', name: '乳房恶性肿瘤' }, { system: 'ICD10', code: 'C50-C50', name: '乳房恶性肿瘤' },
          { system: 'ICD10', code: 'C00-D48', name: '肿瘤' }] },
      }],
      timexes: [{ id: 'T1', start: 0, end: 10, text: '2018年3月12日', kind: 'DATE', value: '2018-03-12', approx: false }],
      links: [{ entityStart: 10, entityEnd: 14, timexId: 'T1' }],
      resolutions: [{ timexId: 'T1', interval: { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false } }],
      model: { name: 'm', version: '1' },
    }, new Date().toISOString()));
    const synthetic = patients.flatMap((p) => p.records).flatMap((r) => r.mentions.map((m) => ({ r, m })))
      .find(({ m }) => m.conceptId !== null && !m.time.undated)!;
    const shape = async (id: string): Promise<string[]> => {
      const [row] = await driver.runGenerated('MATCH (m:Mention {id: $id}) RETURN [k IN keys(m) | k + ": " + valueType(m[k])] AS kv', { id }, READ);
      // timexId: the real mention links a TIMEX node; synthetic ones carry their time without one.
      return (row!.get('kv') as string[]).filter((k) => !k.startsWith('timexId:')).sort();
    };
    const real = await shape(`${recordId}:10-14`);
    expect(real).toContain('start: INTEGER NOT NULL');
    expect(await shape(`${synthetic.r.id}:${synthetic.m.start}-${synthetic.m.end}`)).toEqual(real);
  });
});

describe('cohort queries over synthetic patients', () => {
  /** Every matching patient of ours, paging through the whole (shared) graph's answer. */
  async function cohort(criteria: unknown): Promise<string[]> {
    const runner = new CohortRunner(driver);
    const found: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await runner.find(criteria, { first: 500, after });
      found.push(...page.patientIds.filter((id) => id.startsWith(prefix)));
      if (!page.hasNextPage) return found;
      after = page.endCursor;
    }
  }

  const mentionsOf = (p: SynthPatient) => p.records.flatMap((r) => r.mentions);
  const isBreast = (m: { conceptId: string | null }): boolean => m.conceptId === 'ICD10:C50.9' || m.conceptId === 'ICD10:C50.4';

  it('a concept finds its descendants, and negated or family mentions do not count', async () => {
    const expected = patients.filter((p) => mentionsOf(p).some((m) => isBreast(m) && m.assertion === 'PRESENT' && m.subject === 'PATIENT')).map((p) => p.id);
    const family = patients.filter((p) => mentionsOf(p).some((m) => isBreast(m) && m.subject === 'FAMILY')).map((p) => p.id);
    expect([expected.length, family.length]).toEqual([4, 3]);
    expect(await cohort({ event: { concept: 'C50' } })).toEqual(expected);
    expect(await cohort({ event: { concept: 'C50', subject: 'FAMILY' } })).toEqual(family);
  });

  it('a sequence with a window sees the resolved days the writer stored', async () => {
    const day = (d: string): number => Date.parse(d) / 86_400_000;
    const expected = patients.filter((p) => {
      const ms = mentionsOf(p).filter((m) => m.assertion === 'PRESENT' && m.subject === 'PATIENT');
      return ms.some((f) => isBreast(f) && ms.some((t) => t.type === 'SURGERY' && t !== f
        && day(t.time.start) - day(f.time.end) <= 30 && day(t.time.end) - day(f.time.start) >= 0));
    }).map((p) => p.id);
    expect(expected.length).toBe(2);
    expect(await cohort({ sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY' }, maxDays: 30 } })).toEqual(expected);
  });
});
