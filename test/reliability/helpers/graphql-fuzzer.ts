/**
 * A seeded GraphQL request generator driven by the schema: random root fields with random arguments (valid values,
 * near misses and garbage: lone surrogates, zero-width text, impossible dates, huge ints, unknown enum values),
 * random selections of random depth with aliases, directives and fragments, corrupted documents, and malformed
 * HTTP bodies. Mutations use ids from a small pool under `prefix`, so calls collide (duplicates, another patient).
 *
 * @example
 *   const fuzz = new GraphQLFuzzer(schema, 42, { prefix: 'fz1', texts });
 *   fuzz.next()   // { kind: 'query', label: 'query#17', body: '{"query":"{ a0: patient(id: \"fz1-P2\") { … } }"}', contentType: 'application/json' }
 */
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { mulberry32 } from '../../helpers/prng.js';

export type CaseKind = 'query' | 'submit' | 'cancel' | 'corrupt' | 'body' | 'abuse';

export interface FuzzCase {
  kind: CaseKind;
  label: string;
  body: string;
  contentType: string;
  /** For `submit`: the records sent (ids and patients), to check that a rejected call stored none. */
  records?: Array<{ patientId: string; recordId: string }>;
}

export interface FuzzOptions {
  /** Prefix of every id the fuzzer makes up. */
  prefix: string;
  /** Record texts to draw from (valid Chinese text). */
  texts: readonly string[];
  /** Job ids seen so far (for cancelJob / job / jobProgress arguments). */
  jobIds?: () => readonly string[];
}

const EDGE_STRINGS = ['', ' ', '\u200B', '\u0000', 'P\uD800', '\uDC00x', '😀', 'a'.repeat(300), '"}', '\\', '$x', '{', 'NaN'];
const DATES = ['2020-01-01', '2018-02-28', '2020-02-29', '2018-02-30', '2019-13-01', '2020-1-1', 'yesterday', '0000-01-01', ''];
const INTS = [0, 1, 5, 20, 100, 101, -1, 2 ** 31, -(2 ** 31) - 1, 1.5];
const KINDS_OF_BODY = [
  'null', '1', '"x"', '[]', '[{"query":"{ __typename }"}]', '{}', '{"query":1}', '{"query":"{ __typename }","variables":"{}"}',
  '{"query":"{ __typename }",}', '{"query":"{ __typename }"', '{"query":"{ __typename }","operationName":7}',
  '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}', '{"query":"subscription { extractionEvents { recordId } }"}',
];

export class GraphQLFuzzer {
  private readonly random: () => number;
  private n = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
    private readonly options: FuzzOptions,
  ) {
    this.random = mulberry32(seed);
  }

  next(): FuzzCase {
    this.n += 1;
    const roll = this.random();
    if (roll < 0.45) return this.queryCase();
    if (roll < 0.65) return this.submitCase();
    if (roll < 0.7) return this.cancelCase();
    if (roll < 0.82) return this.corruptCase();
    if (roll < 0.92) return this.bodyCase();
    return this.abuseCase();
  }

  // ---- case kinds ----

  private queryCase(): FuzzCase {
    const query = this.schema.getQueryType()!;
    const fields = Object.values(query.getFields());
    const count = 1 + this.int(3);
    const parts: string[] = [];
    for (let i = 0; i < count; i += 1) parts.push(this.fieldText(this.pick(fields), 0, 1 + this.int(14), i > 0 || this.random() < 0.2 ? `a${i}` : null));
    return this.json('query', `{ ${parts.join(' ')} }`);
  }

  private submitCase(): FuzzCase {
    const count = this.random() < 0.05 ? 0 : 1 + this.int(this.random() < 0.1 ? 12 : 4);
    const records = Array.from({ length: count }, () => this.recordInput());
    const variables = { records: this.random() < 0.05 ? records.map((r) => ({ ...r, extra: 1 })) : records };
    const body = JSON.stringify({ query: 'mutation S($records: [RecordInput!]!) { submitRecords(records: $records) { id status total } }', variables });
    return {
      kind: 'submit', label: `submit#${this.n}`, body, contentType: 'application/json',
      records: records.map((r) => ({ patientId: String(r.patientId), recordId: String(r.recordId) })),
    };
  }

  private cancelCase(): FuzzCase {
    const known = this.options.jobIds?.() ?? [];
    const id = known.length > 0 && this.random() < 0.6 ? this.pick(known) : this.string();
    return this.json('cancel', `mutation { cancelJob(id: ${literal(id)}) { id status done cancelled total } }`);
  }

  private corruptCase(): FuzzCase {
    let text = this.fieldText(this.pick(Object.values(this.schema.getQueryType()!.getFields())), 0, 4, null);
    text = `{ ${text} }`;
    const edits = 1 + this.int(4);
    for (let i = 0; i < edits; i += 1) {
      const at = this.int(text.length + 1);
      const op = this.int(4);
      if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + this.int(5));
      else if (op === 1) text = text.slice(0, at) + this.pick(['{', '}', '(', ')', '"', '$', '@', '...', ':', '!', '#', '\\u', '\n']) + text.slice(at);
      else if (op === 2) text = text.slice(0, at);
      else text = text.slice(0, at) + text.slice(at, at + 20).repeat(2) + text.slice(at + 20);
    }
    return this.json('corrupt', text);
  }

  private bodyCase(): FuzzCase {
    const contentType = this.pick(['application/json', 'application/json', 'text/plain', 'application/graphql', 'application/json; charset=latin1', '']);
    const body = this.random() < 0.7 ? this.pick(KINDS_OF_BODY) : `{"query":${JSON.stringify(`{ __typename }`)},"variables":${this.pick(['[', '{"a":', 'tru', '"'])}`;
    return { kind: 'body', label: `body#${this.n}`, body, contentType };
  }

  private abuseCase(): FuzzCase {
    const which = this.int(5);
    if (which === 0) {
      let inner = 'id';
      const depth = 10 + this.int(10);
      for (let i = 0; i < depth; i += 1) inner = i % 2 === 0 ? `records { ${inner} }` : `patient { ${inner} }`;
      return this.json('abuse', `{ patient(id: ${literal(this.patientId())}) { ${inner} } }`);
    }
    if (which === 1) {
      const n = 16 + this.int(1200);
      return this.json('abuse', `{ ${Array.from({ length: n }, (_, i) => `p${i}: extract(text: "复查", recordedAt: "2020-01-01") { model { name } }`).join(' ')} }`);
    }
    if (which === 2) return this.json('abuse', `{ __typename ${'@include(if: true) '.repeat(5 + this.int(50))} }`);
    if (which === 3) return this.json('abuse', `query Q { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    return this.json('abuse', `{ patient(id: ${literal(this.patientId())}) { records { entities { record { entities { record { entities { id } } } } } } } }`);
  }

  // ---- documents from the schema ----

  private fieldText(field: GraphQLField<unknown, unknown>, depth: number, maxDepth: number, alias: string | null): string {
    const args = field.args
      .filter((a) => isNonNullType(a.type) || this.random() < 0.35)
      .map((a) => `${a.name}: ${this.valueLiteral(a.type, 0)}`);
    const head = `${alias ? `${alias}: ` : ''}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${this.random() < 0.05 ? ' @include(if: true)' : ''}`;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return head;
    if (depth >= maxDepth) return `${head} { __typename }`;
    return `${head} { ${this.selection(named, depth + 1, maxDepth)} }`;
  }

  private selection(type: GraphQLObjectType, depth: number, maxDepth: number): string {
    const fields = Object.values(type.getFields());
    const count = 1 + this.int(Math.min(4, fields.length));
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    for (let i = 0; i < count; i += 1) chosen.add(this.pick(fields));
    const parts = [...chosen].map((f, i) => this.fieldText(f, depth, maxDepth, this.random() < 0.1 ? `x${i}` : null));
    if (this.random() < 0.05) parts.push(`... on ${type.name} { __typename }`);
    return parts.join(' ');
  }

  private valueLiteral(type: GraphQLInputType, depth: number): string {
    if (this.random() < 0.03) return this.pick(['null', '"garbage"', '12', '[1, 2]', '{ a: 1 }', 'true']);
    if (isNonNullType(type)) return this.valueLiteral(type.ofType, depth);
    if (isListType(type)) {
      const n = this.int(3);
      return `[${Array.from({ length: n }, () => this.valueLiteral(type.ofType, depth + 1)).join(', ')}]`;
    }
    if (isEnumType(type)) return this.random() < 0.9 ? this.pick(type.getValues()).name : 'NOT_A_VALUE';
    if (isInputObjectType(type)) {
      if (depth > 2) return '{}';
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || this.random() < 0.5);
      return `{ ${fields.map((f) => `${f.name}: ${this.valueLiteral(f.type, depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'Int': return String(this.pick(INTS));
        case 'Float': return String(this.random() * 10);
        case 'Boolean': return this.random() < 0.5 ? 'true' : 'false';
        case 'CalendarDate': return literal(this.pick(DATES));
        case 'ID': return literal(this.id());
        default: return literal(this.random() < 0.5 ? this.pick(this.options.texts).slice(0, 20) : this.string());
      }
    }
    return 'null';
  }

  // ---- values ----

  private recordInput(): Record<string, unknown> {
    const broken = this.random() < 0.3;
    const text = broken && this.random() < 0.5 ? this.pick(['', ' \n', '\u200B\u0000', 'x\uD800', '癌'.repeat(2100)]) : this.pick(this.options.texts);
    return {
      patientId: broken && this.random() < 0.2 ? this.pick(EDGE_STRINGS) : this.patientId(),
      recordId: broken && this.random() < 0.2 ? this.pick(EDGE_STRINGS) : this.recordId(),
      kind: broken && this.random() < 0.1 ? 'NOTE' : this.pick(['ADMISSION', 'PROGRESS', 'DISCHARGE', 'OTHER']),
      recordedAt: broken && this.random() < 0.3 ? this.pick(DATES) : `2020-0${1 + this.int(9)}-1${this.int(10)}`,
      text,
    };
  }

  private patientId(): string {
    return `${this.options.prefix}-P${this.int(4)}`;
  }

  private recordId(): string {
    return `${this.options.prefix}-R${this.int(40)}`;
  }

  private id(): string {
    const known = this.options.jobIds?.() ?? [];
    const roll = this.random();
    if (roll < 0.3) return this.patientId();
    if (roll < 0.55) return this.recordId();
    if (roll < 0.7 && known.length > 0) return this.pick(known);
    return this.string();
  }

  private string(): string {
    return this.random() < 0.6 ? this.pick(EDGE_STRINGS) : Math.floor(this.random() * 1e9).toString(36);
  }

  private json(kind: CaseKind, query: string): FuzzCase {
    return { kind, label: `${kind}#${this.n}`, body: JSON.stringify({ query }), contentType: 'application/json' };
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** A GraphQL string literal (JSON escaping is valid GraphQL escaping, lone surrogates included as `\uD800`). */
function literal(value: string): string {
  return JSON.stringify(value);
}
