/**
 * `npm run bench [-- --json] [--only a,b] [--out DIR] [section flags]` → builds the service (`dist/`, which the scale
 * section starts as worker processes), type-checks the harness (`bench/tsconfig.json`) and runs this file with tsx.
 * The harness is not part of the service build: nothing under `bench/` reaches `dist/`.
 * Runs each section, writes `bench/results-<date>.json` and `bench/results-<date>.md` (machine details + each
 * section's block) and prints the markdown, or with `--json` one JSON object `{ machine, <section>: {...} }`.
 * `--only a,b` reruns some sections and keeps the other sections' results already in the day's files.
 * To add a section, create `bench/src/<name>.bench.ts` exporting a `BenchSection` and list it in SECTIONS.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cohortBench } from './cohort.bench.js';
import { describeMachine } from './machine.js';
import { ingestBench } from './ingest.bench.js';
import { nerBench } from './ner.bench.js';
import { pipelineBench } from './pipeline.bench.js';
import { scaleBench } from './scale.bench.js';
import type { BenchContext, BenchSection } from './section.js';

const SECTIONS: BenchSection[] = [nerBench, pipelineBench, ingestBench, cohortBench, scaleBench];

function parseFlags(args: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) continue;
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const next = args[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) flags.set(name, (i++, next));
    else flags.set(name, true);
  }
  return flags;
}

async function main(args: string[]): Promise<number> {
  const flags = parseFlags(args);
  // bench/src/main.ts → repository root two levels up.
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const ctx: BenchContext = { repoRoot, flags, log: (m) => process.stderr.write(`bench: ${m}\n`) };
  const only = typeof flags.get('only') === 'string' ? (flags.get('only') as string).split(',') : null;
  const machine = describeMachine(repoRoot);
  const startedAt = new Date();
  const date = startedAt.toISOString().slice(0, 10);
  const outDir = path.resolve(repoRoot, typeof flags.get('out') === 'string' ? (flags.get('out') as string) : 'bench');
  const jsonFile = path.join(outDir, `results-${date}.json`);
  // A partial run (--only) updates its sections in the day's file and keeps the others' results.
  const previous = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>) : {};
  const results: Record<string, unknown> = { ...previous, startedAt: startedAt.toISOString(), machine };
  const blocks = { ...((previous['markdown'] as Record<string, string> | undefined) ?? {}) };
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    ctx.log(`section ${section.name}`);
    const { summary, markdown } = await section.run(ctx);
    results[section.name] = { ...summary, ranAt: new Date().toISOString() };
    blocks[section.name] = markdown;
  }
  results['markdown'] = blocks;
  mkdirSync(outDir, { recursive: true });
  const md = [
    `# Benchmark ${date}`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores (${machine.availableParallelism} available), ${machine.memoryGiB} GiB,`,
    `${machine.platform}; Node ${machine.node}, onnxruntime-node ${machine.onnxruntimeNode}; 1-min load average at start ${machine.loadAverage1m}.`,
    '',
    ...SECTIONS.map((s) => blocks[s.name]).filter((b): b is string => b !== undefined),
  ].join('\n');
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(outDir, `results-${date}.md`), `${md}\n`);
  ctx.log(`wrote ${jsonFile} and .md`);
  const { markdown: _markdown, ...printable } = results;
  process.stdout.write(flags.has('json') ? `${JSON.stringify(printable)}\n` : `${md}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
