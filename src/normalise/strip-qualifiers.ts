/**
 * The "core" of a folded diagnosis span: laterality, stage, TNM and hedging stripped, because standard names carry
 * none of them (乳腺恶性肿瘤, not 右乳腺恶性肿瘤IV期). Used beside the raw span, never instead of it: a few standard
 * names do keep laterality (右肺恶性肿瘤), and the ranker sees both.
 *
 * @example stripQualifiers('右乳腺癌IV期')   // → '乳腺癌'
 * @example stripQualifiers('双侧肺结节待查') // → '肺结节'
 * @example stripQualifiers('T2N1M0')        // → ''
 */
export function stripQualifiers(span: string): string {
  let s = span;
  for (const pattern of PATTERNS) s = s.replace(pattern, '');
  return s;
}

const PATTERNS: readonly RegExp[] = [
  // TNM staging: cT2N1M0, pT1cN0M0, ypT0N0.
  /(?:[CPY]|YP)?T[0-4XIS][A-D]?N[0-3X][A-C]?(?:M[01X][A-C]?)?/gu,
  // Stage and grade: IV期, IIIB期, 2期, 二期, 3级 (but not 心功能IV级: a grade word before it keeps it).
  /(?:[IVX]+|[0-9]+|[一二三四])[A-D]?(?:期)/gu,
  // Hedging and work-up words: the concept is the same whether suspected or confirmed.
  /(?:待查|待排|待除外|可能性大|可能|考虑|疑似|不除外|\?)/gu,
  /(?:病史|史)$/u,
  // Leading laterality.
  /^(?:左侧|右侧|双侧|两侧|左|右|双)/u,
];
