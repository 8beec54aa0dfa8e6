/**
 * String similarities between a (folded) mention span and a (folded) standard name, all in 0..1.
 * Strings are compared by UTF-16 code unit; every character the vocabularies use is in the BMP.
 */

/** Character bigrams of a string; a one-character string is its own single "bigram". */
export function bigrams(text: string): string[] {
  if (text.length < 2) return text.length === 1 ? [text] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/**
 * Dice coefficient over character bigrams (multiset).
 * @example diceBigrams('乳腺癌', '乳腺恶性肿瘤') // → 0.2857 (乳腺 shared; 2·1 / (2 + 5))
 */
export function diceBigrams(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

/**
 * Length of the longest common subsequence (characters in order, gaps allowed): how much of a name a span spells out.
 * @example lcsLength('左乳腺癌', '乳腺恶性肿瘤') // → 2
 */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/**
 * 1 − Levenshtein distance / longer length.
 * @example editSimilarity('陈旧型心梗', '陈旧性心肌梗死') // → 0.5714
 */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, row] = [row, prev];
  }
  return 1 - prev[b.length]! / longer;
}
