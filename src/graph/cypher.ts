/**
 * Loads every Cypher statement of the platform from `cypher/<name>.cypher` once, at start-up.
 * Statements live in files (never in TypeScript strings) so they are reviewed and tested as Cypher and always take
 * `$parameters`. A missing file fails fast, naming it.
 *
 * @example
 *   loadQueries().text('timeline')   // 'MATCH (m:Mention {patientId: $patientId}) ...'
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const QUERY_NAMES = [
  'submit-job', 'jobs-by-ids', 'list-jobs', 'queued-items', 'start-job', 'finish-items',
  'cancel-job', 'record-patient-conflicts', 'requeue-item', 'store-owner', 'next-patient-item', 'queued-patients',
  'set-job-queue',
  'prior-events', 'replace-extraction', 'delete-extraction', 'write-timexes', 'write-concepts', 'write-mention-one',
  'update-record', 'prune-orphan-terms',
  'patients-by-ids', 'records-by-ids', 'records-by-patient-ids', 'entities-by-record-ids', 'timexes-by-ids',
  'timexes-by-record-ids', 'terms-by-ids', 'concepts-by-ids', 'timeline', 'timeline-records', 'search-entities', 'records-to-reprocess',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** `src/graph` and `dist/graph` are both two levels below the repository root, which holds `cypher/`. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export interface QueryCatalogue {
  text(name: QueryName): string;
  /** `schema.cypher`, split into statements. */
  readonly schema: readonly string[];
  /** `migrations.cypher`: data migrations run after the schema at every start-up (no-ops on a current store). */
  readonly migrations: readonly string[];
}

let cached: QueryCatalogue | null = null;

export function loadQueries(dir: string = CYPHER_DIR): QueryCatalogue {
  if (cached !== null && dir === CYPHER_DIR) return cached;
  const texts = new Map<QueryName, string>();
  for (const name of QUERY_NAMES) texts.set(name, readStatement(dir, name));
  const schema = splitStatements(readFileSync(`${dir}schema.cypher`, 'utf8'));
  const migrations = splitStatements(readFileSync(`${dir}migrations.cypher`, 'utf8'));
  const catalogue: QueryCatalogue = {
    text: (name) => {
      const text = texts.get(name);
      if (text === undefined) throw new TypeError(`expected a query name from QUERY_NAMES, got '${String(name)}'`);
      return text;
    },
    schema,
    migrations,
  };
  if (dir === CYPHER_DIR) cached = catalogue;
  return catalogue;
}

function readStatement(dir: string, name: string): string {
  const text = readFileSync(`${dir}${name}.cypher`, 'utf8').trim();
  if (text === '') throw new Error(`cypher/${name}.cypher: expected one statement, got an empty file`);
  return text;
}

/** Splits on `;` at line ends and drops `//` comment lines (schema statements contain neither `;` nor strings). */
export function splitStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
