import type { EntityMention } from '../../domain/entity.js';
import { parseQuantityNumber } from '../normalise/numerals.js';
import { quantityToDuration, unitOf, type DurationUnit } from '../normalise/duration.js';
import type { ParsedNumber } from '../normalise/numerals.js';
import type { TimexDraft } from './draft.js';
import { hasApproxMarker, NUMBER } from './lexicon.js';
import type { QuoteSpan } from './quotes.js';
import { classifyQuantity, type QuantityMatch } from './classify-quantity.js';

const UNIT_WORD = String.raw`(?:年|月|星期|周(?!期)|天|日|小时|钟头|分钟|秒钟?)`;

/** `约3-5个月余左右`, `半年多`, `1年3个月`, `1个半月`, `十几分钟`, followed by an optional direction word. */
const QUANTITY = new RegExp(
  String.raw`(?<pre>大约|约|近|超过|长达)?(?<n1>${NUMBER})(?:\s*(?:-|~|到|至)\s*(?<n2>${NUMBER}))?(?:个(?=[多余+]))?(?<plus1>\+|余|多)?-?` +
    String.raw`(?<half1>个半|个|半)?(?<unit>${UNIT_WORD})(?<half2>半)?` +
    String.raw`(?:(?:零|又)?(?<n3>${NUMBER})(?:个)?(?<unit3>月|天|日|小时|分钟|周))?(?<plus2>余|多|\+)?(?<lz>左右|右左|许)?` +
    String.raw`(?<dir>\s*(?:以前|之前|前|以来|来(?![院诊我本])|之后|以后|后))?`,
  'g',
);

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
    const dirRaw = g.dir ?? '';
    const dirWord = dirRaw.trim();
    const match: QuantityMatch = {
      start: m.index,
      end: m.index + m[0].length,
      coreEnd: m.index + m[0].length - dirRaw.length,
      pre: g.pre ?? '',
      direction: dirWord === '' ? null : /前/.test(dirWord) ? 'BEFORE' : /来/.test(dirWord) ? 'SINCE' : 'AFTER',
      duration: q.duration,
    };
    const draft = classifyQuantity(text, match, entities, quotes);
    if (draft === null) continue;
    const quantityText = text.slice(match.start, draft.end);
    draft.approx = hasApproxMarker(quantityText, true) || /X/.test(draft.value);
    out.push(draft);
  }
  return out;
}

function readQuantity(g: Record<string, string | undefined>): { duration: string } | null {
  const n1 = parseQuantityNumber(g.n1 ?? '');
  const unit = unitOf(g.unit ?? '');
  if (n1 === null || unit === null) return null;
  if (n1.kind === 'number' && n1.value >= 1000) return null; // a year (2015年), found by the date recogniser
  let first: ParsedNumber = n1;
  if ((g.half1 === '个半' || g.half1 === '半' || g.half2 === '半') && n1.kind === 'number' && g.n1 !== '半') {
    first = { kind: 'number', value: n1.value + 0.5 };
  }
  const extra: { n: ParsedNumber; unit: DurationUnit }[] = [];
  if (g.n3 !== undefined && g.unit3 !== undefined) {
    const n3 = parseQuantityNumber(g.n3);
    const u3 = unitOf(g.unit3);
    if (n3 !== null && u3 !== null) extra.push({ n: n3, unit: u3 });
  }
  return { duration: quantityToDuration(first, unit, extra) };
}
