/**
 * `oncotimeline synth`: writes N patients of a seed to the real Neo4j, idempotently; usage errors exit 2 before any
 * database is reached. A random seed per run (the test Neo4j is shared and never wiped).
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run, synth } from '../../src/cli/synth.command.js';
import { loadConfig } from '../../src/config/config.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { generatePatients, storedSize } from '../../src/synth/index.js';
import { testDriver, testNeo4jUri } from '../helpers/neo4j.js';

let driver: GraphDriver;
beforeAll(async () => {
  driver = await testDriver();
}, 120_000);
afterAll(async () => driver?.close());

async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const result = await work();
    const text = (spy: typeof out): string => spy.mock.calls.map((c) => String(c[0])).join('');
    return { result, stdout: text(out), stderr: text(err) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('oncotimeline synth', () => {
  it('writes the seed\'s patients with their records and mentions; a second run duplicates nothing', async () => {
    const seed = randomInt(1_000_000, 4_000_000_000);
    const config = loadConfig({ NEO4J_URI: testNeo4jUri() });
    const generated = generatePatients({ patients: 3, seed });
    const records = generated.reduce((s, p) => s + p.records.length, 0);
    const mentions = generated.reduce((s, p) => s + p.records.reduce((t, r) => t + r.mentions.length, 0), 0);

    const first = await quietly(() => synth(config, { patients: 3, seed, slice: 2 }, () => undefined));
    expect(first.result).toBe(0);
    expect(first.stdout).toBe(`synth: 3 patients (synth-${seed}-000000 … synth-${seed}-000002), ${records} records, ` +
      `${mentions} mentions in ${/in (\d+\.\d) s/.exec(first.stdout)?.[1] ?? '?'} s\n`);
    expect(await storedSize(driver, seed)).toEqual({ patients: 3, records, mentions });

    const again = await quietly(() => synth(config, { patients: 3, seed, slice: 3 }, () => undefined));
    expect(again.result).toBe(0);
    expect(await storedSize(driver, seed)).toEqual({ patients: 3, records, mentions });
  }, 120_000);

  it.each([
    [[], '--patients: required'],
    [['--patients', '0'], "--patients: expected an integer 1..10000000, got '0'"],
    [['--patients', '1e3'], "--patients: expected an integer 1..10000000, got '1e3'"],
    [['--patients', '5', '--seed=-1'], "--seed: expected an integer 0..4294967295, got '-1'"],
    [['--patients', '5', 'stray'], 'expected no positional arguments, got 1'],
    [['--patients', '5', '--bogus'], "Unknown option '--bogus'"],
  ])('usage error %j exits 2, saying what was expected', async (args, message) => {
    const { result, stderr } = await quietly(() => run(args));
    expect(result).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: oncotimeline synth');
  });
});
