import type { EntityMention } from '../../domain/index.js';
import { parseConsecutivePair, parseQuantityNumber } from '../normalise/numerals.js';
import { quantityToDuration, unitOf, type DurationUnit } from '../normalise/duration.js';
import type { ParsedNumber } from '../normalise/numerals.js';
import type { TimexDraft } from './draft.js';
import { hasApproxMarker, NUMBER } from './lexicon.js';
import type { QuoteSpan } from './quotes.js';
import { classifyQuantity, type QuantityMatch } from './classify-quantity.js';

const UNIT_WORD = String.raw`(?:年|月|星期|礼拜|周(?!期)|天|日|小时|钟头|刻钟|分钟|秒钟?|分(?=半))`;
/** A further component of a compound length (`1年又3个月`, `20天3小时15分`, `25分钟10秒`): `分` counts after hours. */
const COMPONENT = String.raw`(?:零|又)?${NUMBER}个?(?:年|月|星期|礼拜|周(?!期)|天|日|小时|钟头|分钟|分|秒钟?)(?:余|多)?`;
const RANGE_JOINER = String.raw`(?:-|~|到|至|—{1,2}|–)`;

/**
 * `约3-5个月余左右`, `4天——6天`, `半年多`, `1年3个月`, `20天3小时15分`, `1个半月`, `三分半`, `2刻钟`, `十几分钟`,
 * `二十年以上`, `5 周`, followed by an optional direction word.
 */
const QUANTITY = new RegExp(
  String.raw`(?<pre>大约|约|近|超过|长达)?(?<n1>${NUMBER})(?:(?<ru>\s?个?${UNIT_WORD})?\s*${RANGE_JOINER}\s*(?<n2>${NUMBER}))?(?:个(?=[多余+]))?(?<plus1>\+|余|多)?-?` +
    String.raw`(?<half1>个半|个|半)?\s?(?<unit>${UNIT_WORD})(?<half2>半)?钟?` +
    String.raw`(?<rest>(?:${COMPONENT}){0,4})(?<plus2>余|多|\+)?(?<lz>左右|右左|许|以上|以下)?` +
    String.raw`(?<dir>\s*(?:以前|之前|前|以来|来(?![院诊我本])|之后|以后|过后|后))?`,
  'g',
);
const COMPONENT_RE = new RegExp(String.raw`(?:零|又)?(?<n>${NUMBER})个?(?<u>年|月|星期|礼拜|周|天|日|小时|钟头|分钟|分|秒钟?)(?:余|多)?`, 'y');
const UNIT_RANK: Readonly<Record<DurationUnit, number>> = { Y: 0, M: 1, W: 2, D: 3, H: 4, MIN: 5, S: 6 };

/**
 * Finds offsets and lengths (`3月前`, `术后2年`, `化疗3周后`, `持续约10分钟`, `高血压病史5年`) and classifies them as
 * RELATIVE, EVENT_RELATIVE or DURATION; frequencies, regimens, cycle lengths and gestational ages are skipped.
 */
export function findQuantities(text: string, entities: readonly EntityMention[], quotes: readonly QuoteSpan[]): TimexDraft[] {
  const out: TimexDraft[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
    const g = m.groups ?? {};
    const q = readQuantity(g);
    if (q === null) continue;
    const rest = g.rest ?? '';
    let end = m.index + m[0].length;
    let dirRaw = g.dir ?? '';
    if (q.restUsed < rest.length) {
      // A component that does not continue the length (`3月|10日后`): the quantity ends before it.
      const tail = rest.length + (g.plus2 ?? '').length + (g.lz ?? '').length + dirRaw.length;
      end = end - tail + q.restUsed;
      dirRaw = '';
      QUANTITY.lastIndex = end;
    }
    const dirWord = dirRaw.trim();
    const match: QuantityMatch = {
      start: m.index,
      end,
      coreEnd: end - dirRaw.length,
      pre: g.pre ?? '',
      direction: dirWord === '' ? null : /前/.test(dirWord) ? 'BEFORE' : /来/.test(dirWord) ? 'SINCE' : 'AFTER',
      duration: q.duration,
    };
    const draft = classifyQuantity(text, match, entities, quotes);
    if (draft === null) continue;
    const quantityText = text.slice(match.start, draft.end);
    // `三四年`: a range written as two consecutive digits is approximate like `3-4年`.
    draft.approx = hasApproxMarker(quantityText, true) || /X/.test(draft.value) || parseConsecutivePair(g.n1 ?? '') !== null;
    out.push(draft);
  }
  return out;
}

/** A quantity's value and how much of the matched rest belongs to it (components must get smaller: `3天2小时`). */
function readQuantity(g: Record<string, string | undefined>): { duration: string; restUsed: number } | null {
  const n1 = parseQuantityNumber(g.n1 ?? '');
  const written = g.ru !== undefined ? g.ru.trim() : (g.unit ?? '');
  if (n1 === null) return null;
  if (n1.kind === 'number' && n1.value >= 1000) return null; // a year (2015年), found by the date recogniser
  const n2 = g.n2 === undefined ? null : parseQuantityNumber(g.n2);
  // `十二月至一月` is two months of the calendar: a range runs upwards (`3-5天`) when both ends share a unit.
  const sameUnit = g.ru === undefined || unitOf(g.ru.trim()) === unitOf(g.unit ?? '');
  if (sameUnit && n1.kind === 'number' && n2?.kind === 'number' && n2.value <= n1.value) return null;
  let first: ParsedNumber = n1;
  if ((g.half1 === '个半' || g.half1 === '半' || g.half2 === '半') && n1.kind === 'number' && g.n1 !== '半') {
    first = { kind: 'number', value: n1.value + 0.5 };
  }
  let unit = unitOf(written);
  if (written.replace(/^个/, '') === '刻钟') {
    // A quarter of an hour: `2刻钟` is 30 minutes.
    if (first.kind !== 'number') return null;
    first = { kind: 'number', value: first.value * 15 };
    unit = 'MIN';
  }
  if (unit === null) return null;
  const extra: { n: ParsedNumber; unit: DurationUnit }[] = [];
  const rest = g.rest ?? '';
  let used = 0;
  let previous: { unit: DurationUnit; word: string } = { unit, word: written };
  while (used < rest.length) {
    COMPONENT_RE.lastIndex = used;
    const c = COMPONENT_RE.exec(rest);
    const n = c?.groups?.n === undefined ? null : parseQuantityNumber(c.groups.n);
    const u = c?.groups?.u === undefined ? null : unitOf(c.groups.u);
    if (!c || n === null || u === null || UNIT_RANK[u] <= UNIT_RANK[previous.unit]) break;
    // `3月10日` is a date, not 3 months and 10 days (a length writes `3个月10天`).
    if (previous.word === '月' && /日/.test(c.groups?.u ?? '')) break;
    extra.push({ n, unit: u });
    previous = { unit: u, word: c.groups?.u ?? '' };
    used = COMPONENT_RE.lastIndex;
  }
  return { duration: quantityToDuration(first, unit, extra), restUsed: used };
}
