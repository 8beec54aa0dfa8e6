import { shorthand } from './idf-cover.js';

/**
 * Third-stage features: which characters of the text each candidate explains, and whether better candidates already
 * explain them. A text names several diagnoses when its content is spread over several names
 * (重度骨质疏松症冠心病高血压结缔组织病); a candidate that explains only characters a likelier one already explains is
 * usually a rival, not another diagnosis (骨质疏松 beside 重度骨质疏松).
 */
export const COVER_FEATURE_NAMES = [
  'cover', // text characters the name explains / content characters of the text
  'cover_novel', // share of those not explained by a likelier candidate (second-stage probability ≥ 0.3)
  'cover_novel_text', // the same / content characters of the text
  'cover_rest', // text left unexplained by likelier candidates and this one / content characters
  'cover_open', // text left unexplained by likelier candidates / content characters
] as const;
export const COVER_FEATURE_COUNT = COVER_FEATURE_NAMES.length;

const CONTENT = /[\u4e00-\u9fffA-Z0-9]/u;
const SURROGATE = /[\ud800-\udfff]/; // no u flag: matches either half of a pair
const CLAIMS = 0.3;

/** The CONTENT class by code point: CJK unified ideographs, A-Z, 0-9. */
function isContent(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function codeUnits(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Positions of a folded text a standard name explains: a longest common subsequence of the text and the name in
 * shorthand (恶性肿瘤 → 癌), keeping only matched characters next to another matched one (unless the name is one
 * character), and only content characters.
 * @example explainedPositions('左乳腺癌伴骨转移', '乳腺恶性肿瘤') // → [1, 2, 3]
 */
export function explainedPositions(text: string, name: string): Uint8Array {
  const short = shorthand(name);
  // Code units are characters unless a string holds a surrogate pair (then compare code points).
  const a: ArrayLike<number> = SURROGATE.test(text) ? [...text].map((c) => c.codePointAt(0)!) : codeUnits(text);
  const b: ArrayLike<number> = SURROGATE.test(short) ? [...short].map((c) => c.codePointAt(0)!) : codeUnits(short);
  const n = a.length;
  const m = b.length;
  const out = new Uint8Array(n);
  if (n === 0 || m === 0) return out;
  const w = m + 1;
  const d = new Uint16Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i * w + j] = a[i - 1] === b[j - 1] ? d[(i - 1) * w + j - 1]! + 1 : Math.max(d[(i - 1) * w + j]!, d[i * w + j - 1]!);
    }
  }
  const matched = new Uint8Array(n);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      matched[i - 1] = 1;
      i--;
      j--;
    } else if (d[(i - 1) * w + j]! >= d[i * w + j - 1]!) i--;
    else j--;
  }
  for (let k = 0; k < n; k++) {
    if (!matched[k] || !isContent(a[k]!)) continue;
    if (m === 1 || matched[k - 1] === 1 || matched[k + 1] === 1) out[k] = 1;
  }
  return out;
}

/** Which positions of a folded text carry content (CJK, Latin, digits). */
export function contentPositions(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => (CONTENT.test(c) ? 1 : 0));
}

/**
 * The cover features of each candidate, given what each explains (explainedPositions) and the second-stage
 * probabilities. Candidates are visited best first; one claims its positions when its probability reaches 0.3.
 * @example coverFeatures([Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 1, 0, 0)], Uint8Array.of(1, 1, 1, 1), [0.9, 0.5])
 * // → [[0.5, 1, 0.5, 0.5, 1], [0.5, 0, 0, 0.5, 0.5]]
 */
export function coverFeatures(explained: readonly Uint8Array[], content: Uint8Array, p: readonly number[]): Float64Array[] {
  const total = Math.max(1, content.reduce((s, x) => s + x, 0));
  const claimed = new Uint8Array(content.length);
  const order = p.map((_, i) => i).sort((x, y) => p[y]! - p[x]! || x - y);
  const out = new Array<Float64Array>(p.length);
  for (const r of order) {
    const mask = explained[r]!;
    let mine = 0;
    let novel = 0;
    let rest = 0;
    let open = 0;
    for (let k = 0; k < content.length; k++) {
      if (mask[k]) {
        mine++;
        if (!claimed[k]) novel++;
      }
      if (content[k] && !claimed[k]) {
        open++;
        if (!mask[k]) rest++;
      }
    }
    out[r] = Float64Array.of(mine / total, novel / Math.max(mine, 1), novel / total, rest / total, open / total);
    if (p[r]! >= CLAIMS) for (let k = 0; k < content.length; k++) if (mask[k]) claimed[k] = 1;
  }
  return out;
}
