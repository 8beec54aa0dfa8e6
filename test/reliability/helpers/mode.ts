/**
 * Short form (`npm test`) or long form (`npm run reliability`, env RELIABILITY=long) of the reliability suite, and
 * where each test reports its counts: `bench/tmp/reliability/<name>.json`, and in the long form also
 * `bench/reliability.json`: every report of this vitest run, the machine (CPU model from lscpu, cores, memory, Node),
 * the date, and the totals the issue asks for (cases, crashes, 5xx, lost, duplicated, graph changes on rejection).
 *
 * @example
 *   const cases = size(300, 10_000);                     // 10,000 under RELIABILITY=long
 *   report('fuzz', { cases: 300, crashes: 0, http5xx: 0 });
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

export const LONG = process.env['RELIABILITY'] === 'long';

export function size(short: number, long: number): number {
  return LONG ? long : short;
}

const OUT = fileURLToPath(new URL('../../../bench/tmp/reliability/', import.meta.url));
const SUMMARY = fileURLToPath(new URL('../../../bench/reliability.json', import.meta.url));

/** The vitest process of this run: test files run in its worker threads (pool `threads`) or child processes (`forks`). */
const RUN_PID = isMainThread ? process.ppid : process.pid;

type Counts = Record<string, number | string>;

export function report(name: string, counts: Counts): void {
  mkdirSync(OUT, { recursive: true });
  const entry = { name, form: LONG ? 'long' : 'short', run: RUN_PID, at: new Date().toISOString(), ...counts };
  writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  if (LONG) withLock(() => writeSummary());
}

/** bench/reliability.json from every long-form report of this run (test files report from parallel workers). */
function writeSummary(): void {
  const reports = readdirSync(OUT)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(OUT, f), 'utf8')) as Counts & { name: string; run: number; form: string })
    .filter((r) => r.form === 'long' && r.run === RUN_PID)
    .sort((a, b) => a.name.localeCompare(b.name));
  const sum = (key: string, names?: string[]): number =>
    reports.filter((r) => !names || names.includes(r.name)).reduce((n, r) => n + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
  const summary = {
    command: 'npm run reliability   (= npm run build && RELIABILITY=long vitest run test/reliability)',
    date: new Date().toISOString(),
    wallSeconds: runWallSeconds(),
    machine: machine(),
    platform: 'dist/main.js on the test model (test/fixtures/tiny-model), each platform on its own embedded Neo4j 5.26',
    totals: {
      cases: sum('cases'),
      crashes: sum('crashes'),
      http5xx: sum('http5xx'),
      internalErrors: sum('internalErrors'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      changedOnRejection: sum('changedOnRejection'),
      failedRecords: sum('failedRecords') + sum('failed', ['sigkill', 'neo4j-restart']),
      textOrStackLeaks: sum('textInErrors') + sum('textInLog') + sum('stackTraces'),
      sigkills: sum('kills'),
      neo4jRestarts: sum('rounds'),
      subscribers: sum('subscribers'),
      finalStatesDelivered: sum('finalStatesDelivered'),
    },
    tests: Object.fromEntries(reports.map(({ name, form: _form, run: _run, ...rest }) => [name, rest])),
  };
  const tmp = `${SUMMARY}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(tmp, SUMMARY);
}

function machine(): Record<string, string | number> {
  let cpu = cpus()[0]?.model ?? 'unknown';
  let simd = 'unknown';
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    cpu = /^Model name:\s*(.+)$/m.exec(lscpu)?.[1]?.trim() ?? cpu;
    const flags = new Set((/^Flags:\s*(.+)$/m.exec(lscpu)?.[1] ?? '').split(/\s+/));
    simd = ['avx512f', 'avx512_vnni', 'avx2', 'avx_vnni'].filter((f) => flags.has(f)).join(' ') || 'none of avx2/avx512';
  } catch {
    // no lscpu: keep Node's name for the CPU
  }
  return {
    cpu,
    simd,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim()}`,
  };
}

/** Seconds since the vitest process started (/proc/PID/stat start time + boot time), or null off Linux. */
function runWallSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/${RUN_PID}/stat`, 'utf8');
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]); // field 22, starttime
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    const started = (bootSeconds + startTicks / ticksPerSecond) * 1000;
    return Number.isFinite(started) ? Math.round((Date.now() - started) / 1000) : null;
  } catch {
    return null; // not Linux: the wall time is simply not reported
  }
}

/** Runs `work` holding an exclusive lock file (reports from parallel test files must not overwrite each other). */
function withLock(work: () => void): void {
  const lock = `${SUMMARY}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() > deadline) rmSync(lock, { force: true }); // left by a crashed run
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    work();
  } finally {
    unlinkSync(lock);
  }
}
