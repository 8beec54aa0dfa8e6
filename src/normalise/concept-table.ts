import type { ConceptCode, ConceptRef, ConceptSystem } from '../domain/index.js';
import { foldText } from './fold-text.js';
import type { VocabularyData } from './index-format.js';

/**
 * Every concept of every system, with lookups by code and by (folded) name, and ancestors built from the parent
 * links: C50.902 → C50.9 → C50 → C50-C50 → C00-D48.
 *
 * @example
 *   table.ref(table.byCode('ICD10', 'C50.9')!, 1)
 *   // → { system: 'ICD10', code: 'C50.9', name: '未特指的乳房恶性肿瘤', score: 1,
 *   //     ancestors: [{ code: 'C50', … }, { code: 'C50-C50', … }, { code: 'C00-D48', name: '肿瘤', … }] }
 */
export class ConceptTable {
  readonly #system: readonly ConceptSystem[];
  readonly #code: readonly string[];
  readonly #name: readonly string[];
  readonly #parents: readonly (readonly number[])[];
  readonly #byCode = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();
  readonly #bySynonym = new Map<string, number[]>();
  readonly #ancestors = new Map<number, readonly ConceptCode[]>();

  constructor(data: VocabularyData) {
    const c = data.concepts;
    this.#system = c.system.map((s) => data.systems[s]!);
    this.#code = c.code;
    this.#name = c.name;
    this.#parents = c.parents;
    for (let i = 0; i < c.code.length; i++) {
      this.#byCode.set(codeKey(this.#system[i]!, c.code[i]!), i);
      push(this.#byName, foldText(c.name[i]!), i);
    }
    for (const [concept, synonym] of data.synonyms) push(this.#bySynonym, foldText(synonym), concept);
  }

  get size(): number {
    return this.#code.length;
  }

  system(id: number): ConceptSystem {
    return this.#system[id]!;
  }

  code(id: number): string {
    return this.#code[id]!;
  }

  name(id: number): string {
    return this.#name[id]!;
  }

  /** Concept id of a code; ICD codes match case-insensitively, drug codes (INN) too. */
  byCode(system: ConceptSystem, code: string): number | undefined {
    return this.#byCode.get(codeKey(system, code));
  }

  /** Concept ids whose standard name folds to the same string. */
  byName(name: string): readonly number[] {
    return this.#byName.get(foldText(name)) ?? [];
  }

  /** Concept ids with a hand-written synonym (brand, alias, surgery phrase) that folds to the same string. */
  bySynonym(text: string): readonly number[] {
    return this.#bySynonym.get(foldText(text)) ?? [];
  }

  /** Every (folded synonym, concept id) pair, for building the per-system matchers. */
  synonymEntries(): IterableIterator<[string, number[]]> {
    return this.#bySynonym.entries();
  }

  /** Ancestors nearest first, each once (a regimen's component drugs, then its group). */
  ancestors(id: number): readonly ConceptCode[] {
    let cached = this.#ancestors.get(id);
    if (cached) return cached;
    const out: ConceptCode[] = [];
    const seen = new Set<number>([id]);
    let frontier = [...this.#parents[id]!];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const p of frontier) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push(Object.freeze(this.codeOf(p)));
        next.push(...this.#parents[p]!);
      }
      frontier = next;
    }
    cached = Object.freeze(out);
    this.#ancestors.set(id, cached);
    return cached;
  }

  codeOf(id: number): ConceptCode {
    return { system: this.#system[id]!, code: this.#code[id]!, name: this.#name[id]! };
  }

  /** The public, frozen reference to a concept with a confidence score (0..1). */
  ref(id: number, score: number): ConceptRef {
    return Object.freeze({ ...this.codeOf(id), ancestors: this.ancestors(id), score });
  }
}

function codeKey(system: ConceptSystem, code: string): string {
  return `${system}\u0000${code.trim().toUpperCase()}`;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
