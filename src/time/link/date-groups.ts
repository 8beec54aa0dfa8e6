import type { EntityMention, Timex } from '../../domain/index.js';

const LIST_JOINER = /^\s*(?:、|及|和|至|到|~|-|—)\s*$/;
const COMMA_JOINER = /^\s*[，,]\s*$/;
/** A date that closes a course (`末次2012-6-27,`) ends a statement: a comma after it does not continue a list. */
const CLOSING_DATE = /(?:末次|最后一次|至|到|结束)[^，,。；;]{0,6}$/;
const RANGE_AROUND_EVENT = /^[^，,。；;：:]*至\s*$/;

/**
 * Maps each DATE of a list or range to the list's first DATE (guideline §2: a course is placed at its start).
 * Dates are joined by `、，,及和至~-` (`2018-01-02、02-01、03-01`); a range may hold its event
 * (`2012-3-17开始替吉奥至今年5月`). A comma after a course's closing date does not join:
 * `末次2012-6-27,2013-5-23PET-CT` is two statements (gold README decision 4).
 */
export function groupLeaders(text: string, timexes: readonly Timex[], entities: readonly EntityMention[]): Map<string, Timex> {
  const leader = new Map<string, Timex>();
  const ordered = [...timexes].sort((a, b) => a.start - b.start);
  for (let i = 0; i < ordered.length; i++) {
    const t = ordered[i];
    if (!t) continue;
    const prev = i > 0 ? ordered[i - 1] : undefined;
    let head = t;
    if (prev && prev.kind === 'DATE' && t.kind === 'DATE') {
      const gap = text.slice(prev.end, t.start);
      const entityInGap = entities.some((e) => e.start >= prev.end && e.end <= t.start);
      const commaList = COMMA_JOINER.test(gap) && !CLOSING_DATE.test(text.slice(Math.max(0, prev.start - 10), prev.start));
      if (LIST_JOINER.test(gap) || commaList || (entityInGap && RANGE_AROUND_EVENT.test(gap))) head = leader.get(prev.id) ?? prev;
    }
    leader.set(t.id, head);
  }
  return leader;
}
