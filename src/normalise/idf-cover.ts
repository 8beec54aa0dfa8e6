/**
 * Character-IDF coverage between a raw diagnosis and a standard name: how much of the name's distinctive content the
 * text does not contain, and how much of the text's content the name explains. IDF is over the label names themselves
 * (no training pairs), so `膝部血管瘤` against `面部血管瘤` is penalised for 面, a rare character, far more than for 部.
 * Names are compared in shorthand form (恶性肿瘤 → 癌, 继发恶性肿瘤 → 转移), the way records write them.
 */

/** Characters that carry content (CJK, Latin, digits); punctuation counts for nothing. */
const CONTENT = /[\u4e00-\u9fffA-Z0-9]/u;

/** IDF of a character over the label names: ln(N / (1 + names containing it)); ln N for one no name contains. */
export class CharacterIdf {
  private readonly idf = new Map<string, number>();
  private readonly unknown: number;

  constructor(labelNames: readonly string[]) {
    const df = new Map<string, number>();
    for (const name of labelNames) for (const c of new Set(shorthand(name))) df.set(c, (df.get(c) ?? 0) + 1);
    const n = labelNames.length;
    for (const [c, k] of df) this.idf.set(c, Math.log(n / (1 + k)));
    this.unknown = Math.log(Math.max(1, n));
  }

  get(c: string): number {
    return this.idf.get(c) ?? this.unknown;
  }
}

/** A standard name in record shorthand: 肺继发恶性肿瘤 → 肺转移, 乳腺恶性肿瘤 → 乳腺癌. */
export function shorthand(name: string): string {
  return name.replace(/继发恶性肿瘤/gu, '转移').replace(/恶性肿瘤/gu, '癌');
}

/** What the IDF coverage features need of a text, computed once per text. */
export interface TextCover {
  text: string;
  chars: Set<string>;
  weight: number;
  parts: { chars: Set<string>; weight: number }[];
}

export function textCover(folded: string, parts: readonly string[], idf: CharacterIdf): TextCover {
  const chars = new Set(folded);
  const of = (set: Set<string>): number => contentWeight(set, idf) || 1;
  return {
    text: folded,
    chars,
    weight: of(chars),
    parts: (parts.length > 0 ? parts : [folded]).map((p) => {
      const set = new Set(p);
      return { chars: set, weight: of(set) };
    }),
  };
}

/**
 * [name IDF missing from the text, text content IDF the name covers, best such cover of one part, least name IDF
 * missing from one part, share of the name's bigrams not in the text], each in 0..1.
 * @example idfCover(textCover('膝部血管瘤', ['膝部血管瘤'], idf), '面部血管瘤', idf)[0] // → the IDF share of 面 in 面部血管瘤
 */
export function idfCover(text: TextCover, name: string, idf: CharacterIdf): [number, number, number, number, number] {
  const short = shorthand(name);
  const nameChars = new Set(short);
  let nameWeight = 0;
  for (const c of nameChars) nameWeight += idf.get(c);
  nameWeight ||= 1;
  let missing = 0;
  let covered = 0;
  for (const c of nameChars) {
    if (!text.chars.has(c)) missing += idf.get(c);
    else if (CONTENT.test(c)) covered += idf.get(c);
  }
  let partCover = 0;
  let partMissing = 1;
  for (const part of text.parts) {
    let cov = 0;
    let miss = 0;
    for (const c of nameChars) {
      if (!part.chars.has(c)) miss += idf.get(c);
      else if (CONTENT.test(c)) cov += idf.get(c);
    }
    partCover = Math.max(partCover, cov / part.weight);
    partMissing = Math.min(partMissing, miss / nameWeight);
  }
  let bigramsMissing = 0;
  let bigrams = 0;
  if (short.length < 2) {
    bigrams = 1;
    bigramsMissing = text.text.includes(short) ? 0 : 1;
  } else {
    for (let i = 0; i + 1 < short.length; i++) {
      bigrams++;
      if (!text.text.includes(short.slice(i, i + 2))) bigramsMissing++;
    }
  }
  return [missing / nameWeight, covered / text.weight, partCover, partMissing, bigramsMissing / bigrams];
}

function contentWeight(chars: Set<string>, idf: CharacterIdf): number {
  let w = 0;
  for (const c of chars) if (CONTENT.test(c)) w += idf.get(c);
  return w;
}
