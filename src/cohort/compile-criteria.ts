/**
 * The cohort compiler: a validated criteria tree → ONE parameterised Cypher statement. Pure (no database).
 * Structure comes only from the tree's shape and enum-checked fields, through the templates in
 * `cypher/cohort-*.cypher`; every value (text, concept, dates, windows, assertion and subject lists) is a
 * `$parameter` named after its node (`$c1_text`), so no user string is ever spliced into the statement.
 *
 * Each node compiles to a subquery that yields each matching patient id once (`pid`):
 * event → an index-driven MATCH on mentions; sequence → both sides grouped by patient, pairs checked in the group;
 * any → UNION; all → members tagged required/excluded and counted per patient (a `not` member is excluded, so
 * "A and not B" never reads the set of all patients); a `not` elsewhere → every patient minus its member.
 * With a patient scope every mention and patient read is restricted to `$patientIds`. Semantics: README.md here.
 *
 * @example
 *   compileCohort(parseCriteria({ event: { type: 'SURGERY', text: '根治术' } }), { after: '', first: 50 })
 *   // { statement: 'CALL () {\n  MATCH (m:Mention)\n  WHERE m.assertion IN $c1_assertion AND m.subject = $c1_subject\n'
 *   //              + '    AND m.type = $c1_type\n    AND m.textLower CONTAINS $c1_text\n  RETURN DISTINCT ...',
 *   //   parameters: { c1_assertion: ['PRESENT'], c1_subject: 'PATIENT', c1_type: 'SURGERY', c1_text: '根治术',
 *   //                 after: '', limit: 51 } }
 */
import { cohortTemplate, fillTemplate } from './cohort-cypher.js';
import type { CohortNode, EventFilter } from './criteria.types.js';

export interface CompiledStatement {
  statement: string;
  /** Plain JSON values (the templates convert where Cypher needs integers). */
  parameters: Record<string, unknown>;
}

export interface PageRequest {
  /** The last patient id of the previous page; '' for the first page. */
  after: string;
  first: number;
}

/** Count + one page of the cohort (`cypher/cohort-result.cypher`); with `patientIds`, only among those patients. */
export function compileCohort(root: CohortNode, page: PageRequest, patientIds: readonly string[] | null = null): CompiledStatement {
  const c = new Compilation(patientIds !== null);
  const criteria = c.node(root);
  const statement = fillTemplate(cohortTemplate('cohort-result'), { slots: { criteria } });
  const scope = patientIds === null ? {} : { patientIds: [...patientIds] };
  return { statement, parameters: { ...c.parameters, ...scope, after: page.after, limit: page.first + 1 } };
}

/**
 * The export's events: mentions of `patientIds` matching an event criterion outside a `not` (both sides of a
 * sequence), each labelled with its criterion's path (`all[0].sequence.first`). null when the tree has no such
 * criterion (e.g. `{ not: ... }`): there is nothing to list.
 */
export function compileEvents(root: CohortNode, patientIds: readonly string[]): CompiledStatement | null {
  const c = new Compilation(true);
  const leaves = positiveEvents(root, '');
  if (leaves.length === 0) return null;
  const events = leaves.map((leaf) => c.event(leaf.event, 'mentions', leaf.path)).join(UNION_ALL);
  const statement = fillTemplate(cohortTemplate('cohort-events'), { slots: { events } });
  return { statement, parameters: { ...c.parameters, patientIds: [...patientIds] } };
}

/** The `patients` listing (`cypher/cohort-patients.cypher`). */
export function compilePatients(page: PageRequest): CompiledStatement {
  return { statement: fillTemplate(cohortTemplate('cohort-patients')), parameters: { after: page.after, limit: page.first + 1 } };
}

// Set operators between subqueries: structure, never data.
const UNION = '\nUNION\n';
const UNION_ALL = '\nUNION ALL\n';

class Compilation {
  readonly parameters: Record<string, unknown> = {};
  private next = 0;

  /** scoped: every mention and patient read is restricted to `$patientIds`. */
  constructor(private readonly scoped: boolean) {}

  node(n: CohortNode): string {
    switch (n.kind) {
      case 'event':
        return this.event(n.event, 'patients');
      case 'sequence':
        return this.sequence(n);
      case 'any':
        if (n.members.length === 1) return this.node(n.members[0]!);
        return fillTemplate(cohortTemplate('cohort-any'), { slots: { members: n.members.map((m) => this.node(m)).join(UNION) } });
      case 'all':
        if (n.members.length === 1) return this.node(n.members[0]!);
        return this.all(n.members);
      case 'not':
        // Outside an `all` there is nothing to subtract from but every patient.
        return n.member.kind === 'not' ? this.node(n.member.member) : this.all([n]);
    }
  }

  event(e: EventFilter, mode: 'patients' | 'first' | 'then' | 'mentions', criterion?: string): string {
    const prefix = this.prefix();
    const flags = new Set<string>([mode]);
    if (this.scoped) flags.add('scoped');
    this.set(prefix, 'assertion', [...e.assertion]);
    this.set(prefix, 'subject', e.subject);
    for (const key of ['type', 'text', 'concept', 'from', 'to'] as const) {
      const value = e[key];
      if (value === null) continue;
      flags.add(key);
      this.set(prefix, key, value);
    }
    if (e.concept !== null) this.set(prefix, 'conceptCodes', conceptCodes(e.concept));
    if (mode === 'mentions') this.set(prefix, 'criterion', criterion ?? '');
    return fillTemplate(cohortTemplate('cohort-event'), { prefix, flags });
  }

  private sequence(n: Extract<CohortNode, { kind: 'sequence' }>): string {
    const first = this.event(n.first, 'first');
    const then = this.event(n.then, 'then');
    const prefix = this.prefix();
    this.set(prefix, 'minDays', n.minDays);
    this.set(prefix, 'maxDays', n.maxDays);
    return fillTemplate(cohortTemplate('cohort-sequence'), {
      prefix, flags: new Set(n.certain ? ['certain'] : []), slots: { first, then },
    });
  }

  private all(allMembers: readonly CohortNode[]): string {
    // `not not B` inside an `all` is B, required: otherwise it would be computed as everyone minus (everyone minus B).
    const members = allMembers.map((m) => (m.kind === 'not' && m.member.kind === 'not' ? m.member.member : m));
    const required = members.filter((m) => m.kind !== 'not');
    const excluded = members.flatMap((m) => (m.kind === 'not' ? [m.member] : []));
    const parts = required.map((m) => this.member(this.node(m), false));
    // Only exclusions: subtract them from every patient.
    if (parts.length === 0) parts.push(this.member(this.everyone(), false));
    for (const m of excluded) parts.push(this.member(this.node(m), true));
    const prefix = this.prefix();
    this.set(prefix, 'required', Math.max(required.length, 1));
    return fillTemplate(cohortTemplate('cohort-all'), { prefix, slots: { members: parts.join(UNION_ALL) } });
  }

  private everyone(): string {
    return fillTemplate(cohortTemplate('cohort-everyone'), { flags: new Set(this.scoped ? ['scoped'] : []) });
  }

  private member(subquery: string, excluded: boolean): string {
    return fillTemplate(cohortTemplate('cohort-member'), { flags: new Set(excluded ? ['excluded'] : []), slots: { member: subquery } });
  }

  private prefix(): string {
    this.next += 1;
    return `c${this.next}_`;
  }

  private set(prefix: string, name: string, value: unknown): void {
    this.parameters[`${prefix}${name}`] = value;
  }
}

/**
 * The codes a concept criterion may name, as typed and in the two cases vocabularies use (ICD codes upper-case,
 * `C50`; drug codes lower-case, `trastuzumab`), so `c50` finds C50 without a case-insensitive (unindexed) scan.
 */
function conceptCodes(concept: string): string[] {
  return [...new Set([concept, concept.toUpperCase(), concept.toLowerCase()])];
}

/** Event criteria whose matches a patient's membership rests on (outside any `not`), with their paths. */
function positiveEvents(n: CohortNode, path: string): { event: EventFilter; path: string }[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  switch (n.kind) {
    case 'event':
      return [{ event: n.event, path: at('event') }];
    case 'sequence':
      return [{ event: n.first, path: at('sequence.first') }, { event: n.then, path: at('sequence.then') }];
    case 'all':
    case 'any':
      return n.members.flatMap((m, i) => positiveEvents(m, at(`${n.kind}[${i}]`)));
    case 'not':
      return n.member.kind === 'not' ? positiveEvents(n.member.member, at('not.not')) : [];
  }
}
