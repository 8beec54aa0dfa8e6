/**
 * Places CHIP-CDEE findings in their sentence. A finding's `core_name` is normalised (寒颤 for 寒战, 疼痛 for 腹痛),
 * so it is not always a substring: an exact match is tried first, then the best window by character overlap with
 * the name (anatomy characters count half, other characters cost a little). Findings are listed in text order, so
 * each search prefers positions at or after the previous finding; without that, the second 疼痛 of
 * `偶有轻微疼痛，无发热，无腹痛` would land on the first.
 *
 * alignFindings('无发热、腹痛', [{ coreName: '发热', anatomy: [] }, { coreName: '疼痛', anatomy: ['腹'] }])
 *   → [{ start: 1, end: 3, method: 'exact' }, { start: 4, end: 6, method: 'fuzzy' }]
 */
export interface FindingName {
  coreName: string;
  anatomy: readonly string[];
}

/** UTF-16 offsets, end exclusive; `null` when no window shares enough characters with the name. */
export type Alignment = { start: number; end: number; method: 'exact' | 'fuzzy' } | null;

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
function bestWindow(text: string, name: FindingName, from: number): Window | null {
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
      const n = left.get(ch) ?? 0;
      if (n > 0) {
        left.set(ch, n - 1);
        coreHits++;
      } else if (anatomy.has(ch)) anatomyHits++;
      else continue; // a window never ends on a foreign character
      const extra = j + 1 - i - coreHits - anatomyHits;
      const score = coreHits + 0.5 * anatomyHits - 0.3 * extra;
      if (coreHits >= needed && (best === null || score > best.score)) best = { start: i, end: j + 1, score, core: coreHits };
    }
  }
  return best;
}

/** Aligns each finding in order; see the file comment. */
export function alignFindings(text: string, findings: readonly FindingName[]): Alignment[] {
  let cursor = 0;
  return findings.map((f): Alignment => {
    if (f.coreName === '') return null;
    let at = text.indexOf(f.coreName, cursor);
    let method: 'exact' | 'fuzzy' = 'exact';
    let end = at + f.coreName.length;
    if (at < 0) {
      const w = bestWindow(text, f, cursor) ?? null;
      if (w !== null) {
        at = w.start;
        end = w.end;
        method = 'fuzzy';
      } else {
        at = text.indexOf(f.coreName);
        end = at + f.coreName.length;
        if (at < 0) {
          const anywhere = bestWindow(text, f, 0);
          if (anywhere === null) return null;
          at = anywhere.start;
          end = anywhere.end;
          method = 'fuzzy';
        }
      }
    }
    cursor = at;
    return { start: at, end, method };
  });
}
