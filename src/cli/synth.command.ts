/**
 * `oncotimeline synth --patients N [--seed S] [--slice K]`: writes N synthetic oncology patients (src/synth:
 * realistic record mixes with coded mentions, assertions, subjects and resolved times) straight to the graph, without
 * NER. Idempotent per seed: running it again rewrites the same records and duplicates nothing; another seed adds
 * other patients (`synth-<seed>-000000`…). Progress on stderr, a summary on stdout; exit 0 on success, 2 on usage
 * errors. Neo4j: `NEO4J_URI`, else the embedded one (`DATA_DIR`, `NEO4J_BOLT_PORT`).
 *
 * @example
 *   oncotimeline synth --patients 1000 --seed 7
 *   // synth: 1000 patients (synth-7-000000 … synth-7-000999), 11172 records, 95040 mentions in 17.4 s   (≈5,500 mentions/s, bench/cohort.md)
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import { openGraph } from '../graph/index.js';
import { buildSyntheticGraph } from '../synth/index.js';

const USAGE = `usage: oncotimeline synth --patients N [--seed S] [--slice K]
Writes N synthetic patients (records, coded mentions with times) to the graph, without NER.
  --patients N   how many patients (ids synth-<seed>-000000 …)
  --seed S       generator seed, 0..4294967295 (default 1); the same seed gives the same patients
  --slice K      patients generated and written at a time (default 500)
Neo4j: NEO4J_URI, else the embedded one (DATA_DIR, NEO4J_BOLT_PORT).
`;

export interface SynthCommandOptions {
  patients: number;
  seed: number;
  slice: number;
}

export async function run(args: string[]): Promise<number> {
  let options: SynthCommandOptions;
  try {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        patients: { type: 'string' }, seed: { type: 'string' }, slice: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new Error(`expected no positional arguments, got ${positionals.length}`);
    if (values.patients === undefined) throw new Error('--patients: required');
    options = {
      patients: integer('--patients', values.patients, 1, 10_000_000),
      seed: integer('--seed', values.seed ?? '1', 0, 0xffffffff),
      slice: integer('--slice', values.slice ?? '500', 1, 100_000),
    };
  } catch (err) {
    process.stderr.write(`oncotimeline synth: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  return synth(loadConfig(process.env), options);
}

export async function synth(config: Config, options: SynthCommandOptions, log = (m: string): void => {
  process.stderr.write(`${m}\n`);
}): Promise<number> {
  const graph = await openGraph({ ...config.neo4j, dataDir: config.dataDir, log });
  try {
    const summary = await buildSyntheticGraph(graph.driver, options, (done) => {
      log(`synth: ${done.patients}/${options.patients} patients, ${done.mentions} mentions`);
    });
    const first = `synth-${options.seed}-${String(0).padStart(6, '0')}`;
    const last = `synth-${options.seed}-${String(options.patients - 1).padStart(6, '0')}`;
    process.stdout.write(`synth: ${summary.patients} patients (${first} … ${last}), ${summary.records} records, ` +
      `${summary.mentions} mentions in ${summary.seconds.toFixed(1)} s\n`);
    return 0;
  } finally {
    await graph.close();
  }
}

/** A decimal integer in [min, max], else an error naming the flag with expected vs got. */
function integer(flag: string, text: string, min: number, max: number): number {
  const n = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${flag}: expected an integer ${min}..${max}, got '${text}'`);
  return n;
}
