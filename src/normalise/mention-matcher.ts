/**
 * Lexical normalisation of one mention within one vocabulary: exact standard name or hand-written synonym first (of
 * the text, its qualifier-stripped core, and the clinical shorthands rewritten to standard wording), then BM25 over
 * character bigrams for candidates re-ranked by string similarity. Category codes (ICD chapters and blocks, ICD-9-CM-3
 * chapters, WHO EML sections) are ancestors, never answers.
 *
 * @example
 *   matcher.match('左乳腺癌')   // → { id: <ICD10 C50.902 乳腺恶性肿瘤>, score: 1 }   (左 stripped, 癌 → 恶性肿瘤)
 *   matcher.match('肺转移')     // → { id: <ICD10 C78.0 肺继发恶性肿瘤>, score: 1 }
 */
import type { ConceptSystem } from '../domain/index.js';
import { Bm25Index } from './bm25-index.js';
import type { ConceptTable } from './concept-table.js';
import { foldText } from './fold-text.js';
import { diceBigrams, lcsLength } from './similarity.js';
import { stripQualifiers } from './strip-qualifiers.js';

export interface Match {
  id: number;
  /** 1 for an exact name or synonym; else the similarity of the best variant with the name, 0..1. */
  score: number;
}

/** Below this similarity nothing in the vocabulary fits well enough (tuned on CHIP-CDN train names, README). */
const MIN_SIMILARITY = 0.55;
const BM25_CANDIDATES = 24;
const MORPHOLOGY = /^M\d{6}\/\d$/u;

export class MentionMatcher {
  readonly #ids: number[];
  readonly #names: string[];
  readonly #bm25: Bm25Index;

  constructor(private readonly table: ConceptTable, readonly system: ConceptSystem) {
    const ids: number[] = [];
    // ICD-O morphology codes (M850000/3 浸润性导管癌) describe tissue, not the disease a mention names: only an exact
    // name reaches them, never a similarity (左乳浸润性导管癌 is a breast cancer, C50).
    for (let id = 0; id < table.size; id++) {
      if (table.system(id) === system && !isCategory(table.code(id)) && !MORPHOLOGY.test(table.code(id))) ids.push(id);
    }
    this.#ids = ids;
    this.#names = ids.map((id) => foldText(table.name(id)));
    this.#bm25 = new Bm25Index(this.#names);
  }

  match(text: string): Match | null {
    const variants = queryVariants(text, this.system);
    if (variants.length === 0) return null;
    for (const v of variants) {
      const exact = this.pick([...this.table.byName(v), ...this.table.bySynonym(v)]);
      if (exact !== null) return { id: exact, score: 1 };
    }
    let best: Match | null = null;
    for (const v of variants) {
      for (const hit of this.#bm25.search(v, BM25_CANDIDATES)) {
        const name = this.#names[hit.doc]!;
        // Dice on bigrams, averaged with how much of the name the variant covers: short names fully contained in the
        // mention (胃癌 in 胃癌根治术后) beat long names that share a prefix.
        const score = 0.5 * diceBigrams(v, name) + 0.5 * (lcsLength(v, name) / Math.max(name.length, v.length));
        if (best === null || score > best.score + 1e-12) best = { id: this.#ids[hit.doc]!, score };
      }
    }
    return best !== null && best.score >= MIN_SIMILARITY ? best : null;
  }

  /** The most specific of several concepts of this system with the same name (C50 and its block share one). */
  private pick(ids: readonly number[]): number | null {
    let chosen: number | null = null;
    for (const id of ids) {
      if (this.table.system(id) !== this.system || isCategory(this.table.code(id))) continue;
      if (chosen === null || this.table.code(id).length > this.table.code(chosen).length) chosen = id;
    }
    return chosen;
  }
}

/** ICD blocks and chapters (`C00-D48`, `C50-C50`), ICD-9-CM-3 chapters (`85-86`), WHO EML sections (`EML-8.2`). */
export function isCategory(code: string): boolean {
  return code.includes('-');
}

/**
 * The forms of a mention worth looking up, most literal first: the folded text, its core without laterality or stage,
 * and, for diagnoses, the standard wording of clinical shorthand (乳腺癌 → 乳腺恶性肿瘤, 肺转移 → 肺继发恶性肿瘤).
 */
export function queryVariants(text: string, system: ConceptSystem): string[] {
  const folded = foldText(text);
  if (folded.length === 0 || folded.length > MAX_MENTION) return [];
  const out = new Set<string>([folded]);
  const core = stripQualifiers(folded);
  if (core.length > 0) out.add(core);
  // 乳癌 is clinical shorthand for 乳腺癌 in every kind of mention (乳癌改良根治术, 乳癌术后).
  for (const v of [...out]) if (v.includes('乳癌')) out.add(v.replace(/乳癌/gu, '乳腺癌'));
  if (system === 'ICD10') {
    for (const v of [...out]) for (const r of rewriteDiagnosis(v)) out.add(r);
  }
  return [...out];
}

function rewriteDiagnosis(v: string): string[] {
  const out: string[] = [];
  const metastasis = /^(.+?)(?:多发)?转移(?:癌|瘤)?$/u.exec(v);
  if (metastasis) out.push(`${metastasis[1]!}继发恶性肿瘤`);
  if (/癌$/u.test(v) && !/恶性肿瘤$/u.test(v)) {
    const organ = v.slice(0, -1);
    out.push(`${organ}恶性肿瘤`);
    // 乳癌 → 乳腺恶性肿瘤, 肝癌 → 肝恶性肿瘤: the organ as ICD names it.
    if (organ === '乳') out.push('乳腺恶性肿瘤');
  }
  return out;
}

/** Longest folded string treated as a mention (longer: no concept; a mention is a few words, not a record). */
export const MAX_MENTION = 64;
