import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, QUERY_NAMES, loadQueries, splitStatements } from '../../src/graph/cypher.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { COHORT_TEMPLATE_NAMES } from '../../src/cohort/cohort-cypher.js';
import { SYNTH_STATEMENT_NAMES } from '../../src/synth/bulk-writer.js';
import { testDriver } from '../helpers/neo4j.js';

describe('cypher/ files', () => {
  it('every statement the code names exists, and every file is used', () => {
    const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, ''));
    // Cohort templates and the synthetic bulk writer read their own files; each must still exist and be named in code.
    expect(new Set(files)).toEqual(
      new Set([...QUERY_NAMES, ...COHORT_TEMPLATE_NAMES, ...SYNTH_STATEMENT_NAMES, 'schema', 'migrations']),
    );
    for (const name of QUERY_NAMES) expect(loadQueries().text(name).length).toBeGreaterThan(0);
  });

  it('statements take parameters: no string concatenation into Cypher, no APOC', () => {
    for (const name of QUERY_NAMES) {
      const text = readFileSync(`${CYPHER_DIR}${name}.cypher`, 'utf8');
      expect(text, name).not.toMatch(/apoc\./i);
      expect(text, name).not.toMatch(/\$\{/); // template placeholders would mean text is spliced in somewhere
    }
  });

  it('splits the schema file into statements, skipping comments', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE B;\n')).toEqual(['CREATE A', 'CREATE B']);
    expect(loadQueries().schema.every((s) => /^(CREATE|CALL)/.test(s))).toBe(true);
  });

  it('rejects an unknown query name, naming it', () => {
    expect(() => loadQueries().text('drop-everything' as never)).toThrow("expected a query name from QUERY_NAMES, got 'drop-everything'");
  });
});

describe('schema on a real Neo4j', () => {
  let driver: GraphDriver;
  beforeAll(async () => {
    driver = await testDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('applies idempotently (second run changes nothing, throws nothing)', async () => {
    await driver.applySchema();
    await expect(driver.applySchema()).resolves.toBe(loadQueries().schema.length + loadQueries().migrations.length);
  });

  it('migrates a round-1 store: literal Concepts become Terms, their mentions read as PRESENT/PATIENT', async () => {
    const id = `DISEASE:legacy-${Date.now()}`;
    await driver.runGenerated(
      'CREATE (:Concept {id: $id, type: "DISEASE", name: "legacy"})<-[:MENTION_OF]-(:Mention {id: $mid, conceptId: $id})',
      { id, mid: `${id}:m` }, { mode: 'WRITE', timeoutMs: 10_000 });
    await driver.applySchema();
    const rows = await driver.runGenerated(
      'MATCH (t {id: $id})<-[:MENTION_OF]-(m:Mention) RETURN labels(t) AS labels, m.termId AS termId, m.conceptId AS conceptId, m.assertion AS assertion, m.subject AS subject',
      { id }, { mode: 'READ', timeoutMs: 10_000 });
    expect(rows.map((r) => r.toObject())).toEqual([{ labels: ['Term'], termId: id, conceptId: null, assertion: 'PRESENT', subject: 'PATIENT' }]);
  });

  it('counts one round trip per statement sent', async () => {
    driver.resetRoundTrips();
    await driver.read('records-by-ids', { ids: ['none'] });
    await driver.writeTransaction(async (tx) => {
      await tx.run('start-job', { jobId: 'none', now: 'x' });
      await tx.run('start-job', { jobId: 'none', now: 'x' });
    });
    expect(driver.roundTrips).toBe(3);
  });
});
