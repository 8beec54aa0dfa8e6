/**
 * Places CHIP-CDEE findings in their sentence. A finding's `core_name` is normalised (寒颤 for 寒战, 疼痛 for 腹痛),
 * so it is not always a substring: an exact match is tried first, then the best window by character overlap with
 * the name (anatomy characters count half, other characters cost a little). Findings are listed in text order, so
 * each search prefers positions at or after the previous finding; without that, the second 疼痛 of
 * `偶有轻微疼痛，无发热，无腹痛` would land on the first.
 *
 * alignFindings('无发热、腹痛', [{ coreName: '发热', anatomy: [], character: [] }, { coreName: '疼痛', anatomy: ['腹'], character: [] }])
 *   → [{ start: 1, end: 3, method: 'exact' }, { start: 4, end: 6, method: 'fuzzy' }]
 */
export interface FindingName {
  coreName: string;
  anatomy: readonly string[];
  /** Descriptors (`转移`, `轻微`); they only break ties between repeated names. */
  character: readonly string[];
}

/** UTF-16 offsets, end exclusive; `null` when no window shares enough characters with the name. */
export type Alignment = { start: number; end: number; method: 'exact' | 'fuzzy' } | null;

const PUNCTUATION = new Set([...'，。；,;：:！!？?、']);

/** Longest extra stretch a fuzzy window may have beyond the name and its anatomy. */
const SLACK = 3;

interface Window {
  start: number;
  end: number;
  score: number;
  core: number;
}

/** Characters of `s` as a multiset. */
function countChars(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** Scores every window of `text` that starts and ends on a name or anatomy character. */
function bestWindow(text: string, name: FindingName, from: number, used: ReadonlySet<string>): Window | null {
  const core = countChars(name.coreName);
  const anatomy = new Set([...name.anatomy.join('')].filter((ch) => !core.has(ch)));
  const nameLength = [...name.coreName].length;
  const maxLength = nameLength + Math.min(anatomy.size, 4) + SLACK;
  // Half the name's characters, at least one: 疼痛 → 腹痛 shares only 痛.
  const needed = Math.max(1, Math.ceil(nameLength / 2));
  let best: Window | null = null;
  for (let i = from; i < text.length; i++) {
    const first = text[i] as string;
    if (!core.has(first) && !anatomy.has(first)) continue;
    const left = new Map(core);
    let coreHits = 0;
    let anatomyHits = 0;
    for (let j = i; j < text.length && j - i < maxLength; j++) {
      const ch = text[j] as string;
      if (PUNCTUATION.has(ch)) break; // a finding never spans a clause break (`疼痛，无头痛`)
      const n = left.get(ch) ?? 0;
      if (n > 0) {
        left.set(ch, n - 1);
        coreHits++;
      } else if (anatomy.has(ch)) anatomyHits++;
      else continue; // a window never ends on a foreign character
      const extra = j + 1 - i - coreHits - anatomyHits;
      const score = coreHits + 0.5 * anatomyHits - 0.3 * extra;
      if (used.has(`${i}:${j + 1}`)) continue;
      if (coreHits >= needed && (best === null || score > best.score)) best = { start: i, end: j + 1, score, core: coreHits };
    }
  }
  return best;
}

/** How many of the finding's descriptor and anatomy characters sit within 8 characters of [start, end). */
function contextScore(text: string, f: FindingName, start: number, end: number): number {
  const wanted = new Set([...[...f.character, ...f.anatomy].join('')].filter((ch) => !f.coreName.includes(ch)));
  let n = 0;
  for (const ch of new Set(text.slice(Math.max(0, start - 8), end + 8))) if (wanted.has(ch)) n++;
  return n;
}

/**
 * Aligns each finding in order; see the file comment. Among several unused exact matches at or after the cursor,
 * the one whose neighbourhood shares most characters with the finding's descriptors and anatomy wins: in
 * `中分化腺癌，近远端未见癌累及，淋巴结见癌转移` the 癌 described as 转移 is the last one, not the 癌 of 腺癌.
 */
export function alignFindings(text: string, findings: readonly FindingName[]): Alignment[] {
  let cursor = 0;
  // Two findings never share a span.
  const used = new Set<string>();
  const inUsed = (at: number, end: number): boolean =>
    [...used].some((key) => {
      const [s, e] = key.split(':').map(Number) as [number, number];
      return at >= s && end <= e;
    });
  const exact = (f: FindingName, from: number): number => {
    const name = f.coreName;
    let best = -1;
    let bestScore = -Infinity;
    for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
      if (used.has(`${at}:${at + name.length}`)) continue;
      // Inside an earlier finding's span (the 癌 of an aligned 腺癌) is a poor second choice.
      const score = contextScore(text, f, at, at + name.length) - (inUsed(at, at + name.length) ? 1.5 : 0);
      if (score > bestScore) {
        best = at;
        bestScore = score;
      }
    }
    return best;
  };
  return findings.map((f): Alignment => {
    if (f.coreName === '') return null;
    let found: Alignment = null;
    const after = exact(f, cursor);
    if (after >= 0) found = { start: after, end: after + f.coreName.length, method: 'exact' };
    else {
      const w = bestWindow(text, f, cursor, used) ?? bestWindow(text, f, 0, used);
      const anywhere = exact(f, 0);
      // Behind the cursor, an exact match beats a window.
      if (w !== null && (w.start >= cursor || anywhere < 0)) found = { start: w.start, end: w.end, method: 'fuzzy' };
      else if (anywhere >= 0) found = { start: anywhere, end: anywhere + f.coreName.length, method: 'exact' };
    }
    if (found === null) return null;
    used.add(`${found.start}:${found.end}`);
    cursor = found.start;
    return found;
  });
}
