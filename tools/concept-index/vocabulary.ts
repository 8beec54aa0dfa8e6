/**
 * Turns extract_vocabulary.py's output into the index's VocabularyData (codes → concept ids) and picks the
 * diagnosis label space: one label per distinct folded ICD-10 name, chapters/blocks excluded.
 */
import { readFileSync } from 'node:fs';
import { CONCEPT_SYSTEMS, type ConceptSystem } from '../../src/domain/entity.js';
import { foldText } from '../../src/normalise/fold-text.js';
import type { VocabularyData } from '../../src/normalise/index-format.js';

interface ExtractedVocabulary {
  sources: Record<string, string>;
  concepts: [ConceptSystem, string, string, string[]][];
  synonyms: [ConceptSystem, string, string][];
}

export function readVocabulary(file: string): { data: VocabularyData; sources: Record<string, string> } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as ExtractedVocabulary;
  const systems = [...CONCEPT_SYSTEMS];
  const ids = new Map<string, number>();
  raw.concepts.forEach(([system, code], i) => ids.set(`${system}\u0000${code}`, i));
  const id = (system: string, code: string): number => {
    const found = ids.get(`${system}\u0000${code}`);
    if (found === undefined) throw new Error(`vocabulary: ${system} ${code} is referenced but not defined`);
    return found;
  };
  const data: VocabularyData = {
    systems,
    concepts: {
      system: raw.concepts.map(([s]) => systems.indexOf(s)),
      code: raw.concepts.map(([, c]) => c),
      name: raw.concepts.map(([, , n]) => n),
      parents: raw.concepts.map(([s, , , parents]) => parents.map((p) => id(s, p))),
    },
    synonyms: raw.synonyms.map(([s, code, text]) => [id(s, code), text]),
  };
  return { data, sources: raw.sources };
}

/**
 * Concept ids of the diagnosis labels. Where several codes share a name (霍乱: A00 and A00.9…), the most specific
 * code wins: its ancestors include the others, so a cohort query for any of them still finds it.
 */
export function diagnosisLabels(data: VocabularyData): number[] {
  const icd10 = data.systems.indexOf('ICD10');
  const best = new Map<string, number>();
  data.concepts.code.forEach((code, i) => {
    if (data.concepts.system[i] !== icd10 || code.includes('-')) return;
    const name = foldText(data.concepts.name[i]!);
    const current = best.get(name);
    if (current === undefined || specificity(code) > specificity(data.concepts.code[current]!)) best.set(name, i);
  });
  return [...best.values()].sort((a, b) => a - b);
}

function specificity(code: string): number {
  return code.split(/[+*]/u)[0]!.replace(/[.x]/gu, '').length;
}
