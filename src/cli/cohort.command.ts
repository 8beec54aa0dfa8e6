/**
 * `oncotimeline cohort --criteria FILE.json [--format csv|jsonl] [--events] [--out FILE]`: exports the patients
 * matching a criteria file (the GraphQL `CohortCriteria` shape as JSON) for pandas or R, in patient-id order.
 * - without `--events`: one row per patient (`patientId`);
 * - with `--events`: one row per matching event (the mentions that match an event criterion outside a `not`), with
 *   its dates and source span (`recordId`, `start`/`end` UTF-16 offsets, `text` of the mention), and the criteria it
 *   matches; a patient whose match rests on no listed event (`{ "not": ... }`) gets one row with empty event fields,
 *   so every patient of the cohort appears.
 * CSV: RFC 4180, UTF-8, header row, lists joined by `|`; JSON lines: one object per row, the same fields.
 * The criteria are checked before Neo4j is reached: a malformed file exits 2 with the path of the problem
 * (`criteria.all[1].event.type: expected one of ...`); a query past its time budget exits 1 (COHORT_TIMEOUT).
 * `--out` is written whole or not at all (a temporary file renamed at the end). Mention text goes to the export only,
 * never to stderr. Neo4j: `NEO4J_URI`, else the embedded one (`DATA_DIR`, `NEO4J_BOLT_PORT`).
 *
 * @example
 *   echo '{"sequence":{"first":{"concept":"C50"},"then":{"type":"SURGERY"},"maxDays":30}}' > c.json
 *   oncotimeline cohort --criteria c.json --events --out cohort.csv
 *   // stderr: cohort: 412 patients, 1530 event rows → cohort.csv
 *   // cohort.csv: patientId,recordId,recordedAt,mentionId,type,text,start,end,timeStart,timeEnd,...
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CohortRunner, parseCriteria, type CohortEvent } from '../cohort/index.js';
import { loadConfig, type Config } from '../config/index.js';
import { isOncoError } from '../errors/index.js';
import { type GraphDriver, openGraph } from '../graph/index.js';

const USAGE = `usage: oncotimeline cohort --criteria FILE.json [--format csv|jsonl] [--events] [--out FILE]
Exports the patients matching the criteria (GraphQL CohortCriteria as JSON), in patient-id order.
  --criteria FILE  the criteria, e.g. {"event":{"concept":"C50"}}
  --format F       csv (default) or jsonl
  --events         one row per matching event, with dates and source span (record id, offsets, mention text)
  --out FILE       write there (whole or not at all) instead of stdout
Neo4j: NEO4J_URI, else the embedded one (DATA_DIR, NEO4J_BOLT_PORT).
`;

const FORMATS = ['csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

export interface CohortExportOptions {
  criteria: unknown;
  format: Format;
  events: boolean;
}

/** The columns of the export, in order. */
export const PATIENT_COLUMNS = ['patientId'] as const;
export const EVENT_COLUMNS = [
  'patientId', 'recordId', 'recordedAt', 'mentionId', 'type', 'text', 'start', 'end', 'timeStart', 'timeEnd',
  'timePrecision', 'undated', 'assertion', 'subject', 'conceptSystem', 'conceptCode', 'conceptName', 'criteria',
] as const satisfies readonly (keyof CohortEvent)[];

/** Patients read (and their events) per round trip: the runner's largest page. */
const PAGE = 500;

export async function run(args: string[]): Promise<number> {
  let file: string;
  let out: string | null;
  let format: Format;
  let events: boolean;
  try {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        criteria: { type: 'string' }, format: { type: 'string' }, events: { type: 'boolean' }, out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new Error(`expected no positional arguments, got ${positionals.length}`);
    if (values.criteria === undefined) throw new Error('--criteria: required');
    const f = values.format ?? 'csv';
    if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`--format: expected one of ${FORMATS.join(', ')}, got '${f.slice(0, 20)}'`);
    file = values.criteria;
    out = values.out ?? null;
    format = f as Format;
    events = values.events === true;
  } catch (err) {
    process.stderr.write(`oncotimeline cohort: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  let criteria: unknown;
  try {
    criteria = await readCriteria(file);
  } catch (err) {
    process.stderr.write(`oncotimeline cohort: ${(err as Error).message}\n`);
    return 2;
  }
  return exportCohort(loadConfig(process.env), { criteria, format, events }, out);
}

/**
 * Reads and validates a criteria file, before any database is reached.
 * Throws with the file and the problem: unreadable, not JSON, or the criteria's own error (`BAD_USER_INPUT`, ...).
 */
export async function readCriteria(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`--criteria ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (err) {
    // The parser's message says where; it may quote a little of the file, which is the user's own criteria.
    throw new Error(`--criteria ${file}: expected JSON, got invalid JSON (${(err as Error).message})`, { cause: err });
  }
  try {
    parseCriteria(value);
  } catch (err) {
    if (!isOncoError(err)) throw err;
    throw new Error(`--criteria ${file}: ${err.code}: ${err.message}`, { cause: err });
  }
  return value;
}

/** Connects, exports, closes; exit 0 when everything was written, 1 on a database or query failure. */
export async function exportCohort(config: Config, options: CohortExportOptions, out: string | null, log = (m: string): void => {
  process.stderr.write(`${m}\n`);
}): Promise<number> {
  const graph = await openGraph({ ...config.neo4j, dataDir: config.dataDir, log });
  const target = out === null ? null : `${out}.partial-${process.pid}`;
  const stream = target === null ? process.stdout : createWriteStream(target, { encoding: 'utf8' });
  try {
    const counts = await writeCohort(graph.driver, options, (chunk) => write(stream, chunk));
    if (target !== null && out !== null) {
      await close(stream as WriteStream);
      renameSync(target, out);
    }
    log(`cohort: ${counts.patients} patients${options.events ? `, ${counts.rows} event rows` : ''} → ${out ?? 'stdout'}`);
    return 0;
  } catch (err) {
    if (target !== null) {
      (stream as WriteStream).destroy();
      rmSync(target, { force: true });
    }
    log(`oncotimeline cohort: ${isOncoError(err) ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await graph.close();
  }
}

/**
 * The export itself, page by page (500 patients, then their events): header, then rows through `emit`.
 *
 * @example
 *   await writeCohort(driver, { criteria: { event: { concept: 'C50' } }, format: 'csv', events: false }, push)
 *   // push('patientId\n'), push('P001\nP007\n'); → { patients: 2, rows: 2 }
 */
export async function writeCohort(driver: GraphDriver, options: CohortExportOptions, emit: (chunk: string) => Promise<void>): Promise<{ patients: number; rows: number }> {
  const runner = new CohortRunner(driver);
  const columns: readonly string[] = options.events ? EVENT_COLUMNS : PATIENT_COLUMNS;
  if (options.format === 'csv') await emit(`${columns.join(',')}\n`);
  let after: string | null = null;
  let patients = 0;
  let rows = 0;
  for (;;) {
    const page = await runner.find(options.criteria, { first: PAGE, after });
    const lines: Record<string, unknown>[] = [];
    if (options.events) {
      const found = await runner.events(options.criteria, page.patientIds);
      const byPatient = new Map<string, CohortEvent[]>();
      for (const e of found) byPatient.set(e.patientId, [...(byPatient.get(e.patientId) ?? []), e]);
      for (const id of page.patientIds) {
        const list = byPatient.get(id);
        if (list === undefined) lines.push({ patientId: id });
        else lines.push(...(list as unknown as Record<string, unknown>[]));
      }
    } else {
      lines.push(...page.patientIds.map((patientId) => ({ patientId })));
    }
    if (lines.length > 0) await emit(lines.map((l) => formatRow(l, columns, options.format)).join(''));
    patients += page.patientIds.length;
    rows += lines.length;
    if (!page.hasNextPage) return { patients, rows };
    after = page.endCursor;
  }
}

/** One row: a CSV line (RFC 4180 quoting, lists joined by `|`, null empty) or a JSON line with every column. */
export function formatRow(row: Record<string, unknown>, columns: readonly string[], format: Format): string {
  if (format === 'jsonl') return `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}\n`;
  return `${columns.map((c) => csvField(row[c])).join(',')}\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    stream.once('error', onError);
    const flushed = stream.write(chunk, 'utf8');
    const done = (): void => {
      stream.removeListener('error', onError);
      resolve();
    };
    if (flushed) done();
    else stream.once('drain', done);
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
