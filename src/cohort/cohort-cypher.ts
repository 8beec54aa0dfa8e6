/**
 * The cohort module's Cypher: templates in `cypher/cohort-*.cypher`, read once, and how a template is filled.
 * Only the compiler (src/cohort/compile-criteria.ts) fills them, with flags and slots it derives from a validated
 * criteria tree; values never enter the text, they travel as `$parameters`.
 *
 * Template syntax (Cypher plus three conventions):
 * - a line that starts with `//` is documentation and dropped;
 * - a line ending in `//?a&!b` is kept only when flag `a` is set and flag `b` is not;
 * - a line `{{slot}}` is replaced by the slot's (generated) text, indented like the line;
 * - every `$name` becomes `$<prefix>name`, except the statement-wide ones in GLOBAL_PARAMETERS.
 *
 * @example
 *   fillTemplate('MATCH (m:Mention)\nWHERE m.type = $type //?type\nRETURN m', { prefix: 'c1_', flags: new Set(['type']) })
 *   // 'MATCH (m:Mention)\nWHERE m.type = $c1_type\nRETURN m'
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const COHORT_TEMPLATE_NAMES = [
  'cohort-event', 'cohort-sequence', 'cohort-all', 'cohort-member', 'cohort-any', 'cohort-everyone',
  'cohort-result', 'cohort-events', 'cohort-patients',
] as const;
export type CohortTemplateName = (typeof COHORT_TEMPLATE_NAMES)[number];

/** Parameters shared by the whole statement, never prefixed. */
export const GLOBAL_PARAMETERS: ReadonlySet<string> = new Set(['after', 'limit', 'patientIds']);

/** `src/cohort` and `dist/cohort` are both two levels below the repository root, which holds `cypher/`. */
const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export interface TemplateFill {
  /** Prefix of this template's parameters, unique per criteria node (`c3_`); '' for statement-wide templates. */
  prefix?: string;
  flags?: ReadonlySet<string>;
  slots?: Readonly<Record<string, string>>;
}

let cached: ReadonlyMap<CohortTemplateName, string> | null = null;

/** The template texts, read once; a missing file fails fast, naming it. */
export function cohortTemplate(name: CohortTemplateName): string {
  cached ??= new Map(COHORT_TEMPLATE_NAMES.map((n) => [n, readFileSync(`${CYPHER_DIR}${n}.cypher`, 'utf8')]));
  const text = cached.get(name);
  if (text === undefined) throw new TypeError(`expected a template name from COHORT_TEMPLATE_NAMES, got '${String(name)}'`);
  return text;
}

const TAG = /\s*\/\/\?(\S+)\s*$/u;
const SLOT = /^(\s*)\{\{(\w+)\}\}\s*$/u;
const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/gu;

export function fillTemplate(template: string, fill: TemplateFill = {}): string {
  const flags = fill.flags ?? new Set<string>();
  const slots = fill.slots ?? {};
  const prefix = fill.prefix ?? '';
  const out: string[] = [];
  for (const raw of template.split('\n')) {
    if (raw.trimStart().startsWith('//') || raw.trim() === '') continue;
    const tag = TAG.exec(raw);
    if (tag && !tagHolds(tag[1]!, flags)) continue;
    const line = tag ? raw.slice(0, tag.index) : raw;
    const slot = SLOT.exec(line);
    if (slot) {
      const text = slots[slot[2]!];
      if (text === undefined) throw new TypeError(`template slot {{${slot[2]!}}}: expected a value, got none`);
      out.push(indent(text, slot[1]!));
      continue;
    }
    // Slots are filled after renaming, so a child's already-prefixed parameters are never prefixed twice.
    out.push(line.replace(PARAMETER, (_, name: string) => (GLOBAL_PARAMETERS.has(name) ? `$${name}` : `$${prefix}${name}`)));
  }
  return out.join('\n');
}

function tagHolds(tag: string, flags: ReadonlySet<string>): boolean {
  return tag.split('&').every((term) => (term.startsWith('!') ? !flags.has(term.slice(1)) : flags.has(term)));
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => `${by}${line}`).join('\n');
}
