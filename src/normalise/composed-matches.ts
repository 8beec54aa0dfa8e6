/**
 * Standard names spelt by a span with one stretch left out: site + head, as in 胆囊|低分化腺|恶性肿瘤 → 胆囊恶性肿瘤 or
 * 左|股骨外踝前壁内踝后壁撕脱性|骨折 → 股骨骨折. Standard names are mostly "anatomy + disease head", records put
 * detail in between; exact lookups of every (left part, suffix) pair find those names without any fuzzy scoring.
 * Also every contiguous substring (右乳腺恶性肿瘤IV期 contains 乳腺恶性肿瘤).
 *
 * Cost: O(n³) map lookups for a span of n characters, so spans are cut to MAX_SPAN characters first.
 *
 * @example composedMatches('胆囊低分化腺恶性肿瘤', names) // → Map { <胆囊恶性肿瘤> => 0.6, <恶性肿瘤> => 0.4, … }
 * Values: the label name's share of the span (longer names that explain more of the span rank higher).
 */
export function composedMatches(span: string, labelByName: ReadonlyMap<string, number>, into = new Map<number, number>()): Map<number, number> {
  const s = span.length > MAX_SPAN ? span.slice(0, MAX_SPAN) : span;
  const n = s.length;
  const note = (name: string): void => {
    const label = labelByName.get(name);
    if (label !== undefined) into.set(label, Math.max(into.get(label) ?? 0, name.length / n));
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 2; b <= n; b++) note(s.slice(a, b));
  }
  // left = s[a, i), right = s[j, n): a gap s[i, j) of at least one character, each side at least one.
  for (let j = 2; j < n; j++) {
    const right = s.slice(j);
    for (let a = 0; a < j - 1; a++) {
      for (let i = a + 1; i < j; i++) note(s.slice(a, i) + right);
    }
  }
  return into;
}

const MAX_SPAN = 24;
