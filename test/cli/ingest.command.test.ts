import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunkRecords, readRecordFiles } from '../../src/cli/ingest.input.js';
import { ingest, run } from '../../src/cli/ingest.command.js';
import { ProgressBar } from '../../src/cli/ingest.progress.js';
import { loadConfig } from '../../src/config/config.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { tempModel } from '../ner/engine-helpers.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ingest-cli-'));
const model = tempModel({ seed: 3 });
const limits = { maxRecordChars: 20000, maxRecordsPerCall: 500, maxCharsPerCall: 500_000 };
const line = (o: Record<string, unknown>): string => JSON.stringify(o);

afterAll(() => {
  model.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest input', () => {
  it('reads every *.jsonl of a folder in name order; bad lines become rejections without their content', async () => {
    const sub = mkdtempSync(path.join(dir, 'in-'));
    writeFileSync(path.join(sub, 'b.jsonl'), `${line({ patientId: 'p', recordId: 'r2', kind: 'OTHER', recordedAt: '2020-01-02', text: '血常规' })}\n`);
    writeFileSync(path.join(sub, 'a.jsonl'), [
      line({ patientId: 'p', recordId: 'r1', kind: 'OTHER', recordedAt: '2020-01-01', text: '血常规' }),
      '',
      '{秘密 not json',
      line({ patientId: 'p', recordId: 'r3', kind: 'NOPE', recordedAt: '2020-01-01', text: 'x' }),
      line({ patientId: 'p', recordId: 'r4', kind: 'OTHER', recordedAt: '2020-02-30', text: 'x' }),
    ].join('\n'));
    writeFileSync(path.join(sub, 'ignored.txt'), 'nope');
    const input = await readRecordFiles(sub, limits);
    expect(input.records.map((r) => r.recordId)).toEqual(['r1', 'r2']);
    expect(input.rejected.map((r) => [path.basename(r.where), r.recordId, r.code])).toEqual([
      ['a.jsonl:3', null, 'BAD_USER_INPUT'],
      ['a.jsonl:4', null, 'BAD_USER_INPUT'],
      ['a.jsonl:5', 'r4', 'INVALID_DATE'],
    ]);
    expect(JSON.stringify(input.rejected)).not.toContain('秘密');
  });

  it('reports every line of a record id that appears twice, like the API, and ingests no copy', async () => {
    const sub = mkdtempSync(path.join(dir, 'dup-'));
    const rec = (id: string, text: string) => line({ patientId: 'p', recordId: id, kind: 'OTHER', recordedAt: '2020-01-01', text });
    writeFileSync(path.join(sub, 'a.jsonl'), [rec('r1', '血常规一'), rec('r2', '血常规'), rec('r1', '血常规二')].join('\n'));
    writeFileSync(path.join(sub, 'b.jsonl'), rec('r1', '血常规三'));
    const input = await readRecordFiles(sub, limits);
    expect(input.records.map((r) => r.recordId)).toEqual(['r2']);
    expect(input.rejected.map((r) => [path.basename(r.where), r.recordId, r.code])).toEqual([
      ['a.jsonl:1', 'r1', 'DUPLICATE_RECORD_ID'],
      ['a.jsonl:3', 'r1', 'DUPLICATE_RECORD_ID'],
      ['b.jsonl:1', 'r1', 'DUPLICATE_RECORD_ID'],
    ]);
    expect(input.rejected[0]!.message).toMatch(/a\.jsonl:3, .*b\.jsonl:1/);
    expect(JSON.stringify(input.rejected)).not.toContain('血常规');
  });

  it('chunks by size and never puts one record id twice in a call', () => {
    const r = (id: string) => ({ patientId: 'p', recordId: id, kind: 'OTHER' as const, recordedAt: '2020-01-01', text: 't' });
    expect(chunkRecords([r('a'), r('b'), r('a'), r('c')], 10).map((c) => c.map((x) => x.recordId))).toEqual([['a', 'b'], ['a', 'c']]);
    expect(chunkRecords([r('a'), r('b'), r('c')], 2).map((c) => c.length)).toEqual([2, 1]);
  });

  it('draws a bar on a TTY and plain lines otherwise', () => {
    const chunks: string[] = [];
    new ProgressBar({ isTTY: true, write: (c: string) => chunks.push(c) }, 4).update({ done: 2, failed: 1, entities: 9 });
    expect(chunks[0]).toMatch(/^\r\[#{14}\.{14}\] 2\/4 {2}1 failed {2}9 entities/);
  });
});

describe('oncotimeline ingest', () => {
  beforeAll(async () => {
    await (await testDriver()).close();
  });

  it('stores every record through the pipeline, prints a summary, exits 0; 1 with a rejected line', async () => {
    const patient = uniqueId('p');
    const ids = [uniqueId('r'), uniqueId('r')];
    const file = path.join(dir, 'records.jsonl');
    writeFileSync(file, [
      line({ patientId: patient, recordId: ids[0], kind: 'ADMISSION', recordedAt: '2019-03-01', text: '患者因直肠癌于我院行根治术。' }),
      line({ patientId: patient, recordId: ids[1], kind: 'PROGRESS', recordedAt: '2019-04-01', text: '术后行奥沙利铂化疗。' }),
    ].join('\n'));
    const config = loadConfig({ NEO4J_URI: testNeo4jUri(), MODEL_DIR: model.dir, NER_POOL_SIZE: '1' });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await ingest(file, config)).toBe(0);
      const summary = out.mock.calls.map((c) => String(c[0])).join('');
      expect(summary).toMatch(/^ingested 2 records: 2 stored, 0 failed, 0 rejected; \d+ entities in/);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).not.toContain('直肠癌');

      writeFileSync(file, `${line({ patientId: patient, recordId: ids[0], kind: 'ADMISSION', recordedAt: '2019-03-01', text: '复查。' })}\nnot json\n`);
      expect(await ingest(file, config)).toBe(1);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const driver = await testDriver();
    const [stored] = await new ReadRepository(driver).recordsByIds([ids[0]!]);
    await driver.close();
    expect(stored).toMatchObject({ status: 'DONE', text: '复查。', kind: 'ADMISSION' });
  }, 120_000);

  it('--bulk (256 records per graph transaction, 50 ms linger) stores every record once, each patient in date order', async () => {
    const patients = [uniqueId('p'), uniqueId('p'), uniqueId('p'), uniqueId('p')];
    const days = ['2019-03-01', '2019-01-01', '2019-02-01'];
    const records = patients.flatMap((p) => days.map((day) => ({
      patientId: p, recordId: `${p}-${day}`, kind: 'PROGRESS', recordedAt: day, text: `${day}行直肠癌根治术。`,
    })));
    const file = path.join(dir, 'bulk.jsonl');
    writeFileSync(file, records.map(line).join('\n'));
    vi.stubEnv('NEO4J_URI', testNeo4jUri());
    vi.stubEnv('NER_POOL_SIZE', '1');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run([file, '--bulk', '--model', model.dir])).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^ingested 12 records: 12 stored, 0 failed, 0 rejected/);
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
    }
    const driver = await testDriver();
    const views = await new ReadRepository(driver).recordsByIds(records.map((r) => r.recordId));
    await driver.close();
    expect(views.every((v) => v?.status === 'DONE')).toBe(true);
    for (const p of patients) {
      const mine = views.filter((v) => v!.patientId === p).sort((a, b) => a!.processedAt!.localeCompare(b!.processedAt!));
      expect(mine.map((v) => v!.recordedAt)).toEqual(['2019-01-01', '2019-02-01', '2019-03-01']);
    }
  }, 120_000);

  it('usage errors exit 2', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run([])).toBe(2);
      expect(await run(['a', 'b'])).toBe(2);
      expect(await run(['--bogus', 'x'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
