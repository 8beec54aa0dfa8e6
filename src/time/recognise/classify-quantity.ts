import type { EntityMention } from '../../domain/index.js';
import type { TimexDraft } from './draft.js';
import { anchorBefore, anchorEndingAt } from './find-anchor.js';
import { ANCHOR_WORDS, VISIT_WORD } from './lexicon.js';
import { isPlanned } from './plan-clause.js';
import { quoteAt, type QuoteSpan } from './quotes.js';

/** A matched quantity before classification. `coreEnd` excludes the direction word. */
export interface QuantityMatch {
  start: number;
  end: number;
  coreEnd: number;
  pre: string;
  direction: 'BEFORE' | 'AFTER' | 'SINCE' | null;
  duration: string;
}

/** Frequencies, regimens, gestational and cycle lengths: never TIMEX (guideline §1, "Not TIMEX"). */
const EXCLUDED_BEFORE = /(?:每[日天周月年次]?|定期\s*[（(]|维持|行经|月经|生后|出生|餐后|[qQ]|×|[*xX]|\/|孕|停经|经期|周期|龄|隔|间隔|停|连|[A-Za-z0-9.])\s*$/;
const EXCLUDED_AFTER = /^\s*(?:妊娠|大小|方案|[一1]?次|\/|[，,]?\s*停|为?[一1]?个?(?:疗程|周期)|生存|泵入|静脉泵|微泵|静滴|维持|[^，,。；;]{0,4}?[\d一二三四五六七八九十]+(?:\s*-\s*\d+)?[余多+]?次)/;
const HISTORY_WORD = /(?:病史|史|绝经|闭经|确诊|发现|诊断)[^，,。；;“”"]{0,12}$/;
const EPISODE_VERB = /(?:休息|卧床|治疗|服用|服药|口服|输液|住院|化疗|放疗|用药|持续|维持|吸氧|透析|禁食|减压|水化|停药|抗感染|抗炎|缓解|延迟|推迟|空腹|[服用疗])\s*$/;
/** `化疗后`, `术后`: an episode that follows an event (not `大便后`, `里急后重`). */
const AFTER_EVENT = new RegExp(`(?:${ANCHOR_WORDS.filter((w) => w !== '入院').join('|')})后`);
/** A treatment verb with its drug (`口服希罗达2月`, `予奥美拉唑治疗2周`). */
const TREATMENT_WITH_OBJECT = /(?:服用|口服|予以?|给予|使用|应用|静滴)[^，,。；;“”"]{1,10}$/;
const EPISODE_END = /^[^。；;]{0,6}?(?:后|现已|已|自行)?(?:缓解|好转|恢复|消退|消失|出院|停药|干净)/;
const COMPLAINT_OPENER = /(?:因|以|主诉|诉)\s*\\?$/;
const CURRENT_ADMISSION = /^(?:收入|收住|收治)/;

/**
 * Decides what a quantity is (guideline §1): an offset from the reference (`3月前`, `近1周`, `高血压病史5年`),
 * from an event (`术后2年`, `化疗3周后`, a length inside an earlier visit's quoted complaint), or a length
 * (`持续约10分钟`, `卧床一周余`). Returns null for what is not a TIMEX.
 */
export function classifyQuantity(
  text: string,
  q: QuantityMatch,
  entities: readonly EntityMention[],
  quotes: readonly QuoteSpan[],
): TimexDraft | null {
  const before = text.slice(Math.max(0, q.start - 12), q.start);
  const after = text.slice(q.coreEnd, q.coreEnd + 8);
  if (EXCLUDED_AFTER.test(after) && q.direction === null) return null;

  // `术后2年`, `术后第3天`, `放疗结束后1年后`, `入院前3个月`
  const prefixed = /(后|前)\s*(第)?\s*$/.exec(before);
  if (prefixed) {
    const at = q.start - prefixed[0].length;
    const anchor = anchorEndingAt(text, at, entities);
    if (anchor) {
      const negative = prefixed[1] === '前';
      if (anchor.word === '入院' && negative) {
        return { start: anchor.start, end: q.end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
      }
      return { start: anchor.start, end: q.end, kind: 'EVENT_RELATIVE', anchor: anchor.word, value: `${negative ? '-' : ''}${q.duration}`, approx: false };
    }
  }
  if (/第\s*$/.test(before)) return null; // `第3天` without an event: an ordinal, not placed
  if (EXCLUDED_BEFORE.test(before)) return null;
  // `凝血酶原时间：23.4秒`: a laboratory value, not a time span
  if (/秒/.test(text.slice(q.start, q.coreEnd)) && (/\d\.\d/.test(text.slice(q.start, q.coreEnd)) || /[：:]\s*$/.test(before))) return null;
  // `末次化疗距今3周`: an offset back from now
  const sinceNow = /距今\s*$/.exec(before);
  if (sinceNow && q.direction === null) {
    return { start: q.start - sinceNow[0].length, end: q.coreEnd, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
  }
  if (/周/.test(text.slice(q.start, q.coreEnd)) && /[绕环][^，,。；;]{0,4}$/.test(before)) return null; // `绕胃近1周`: a turn

  return q.direction !== null ? classifyDirected(text, q, before, entities) : classifyBare(text, q, before, after, entities, quotes);
}

/** `3月前`, `3周来`, `化疗3周后`, `2天后`: a quantity with a direction word. */
function classifyDirected(text: string, q: QuantityMatch, before: string, entities: readonly EntityMention[]): TimexDraft | null {
  if (/持续(?:了)?\s*$/.test(before)) {
    return { start: q.start, end: q.coreEnd, kind: 'DURATION', value: q.duration, approx: false }; // `持续约数十秒后缓解`
  }
  const anchor = anchorEndingAt(text, q.start, entities);
  if (anchor && anchor.word === '入院' && q.direction === 'BEFORE') {
    return { start: anchor.start, end: q.end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
  }
  if (anchor && q.direction !== 'SINCE') {
    const sign = q.direction === 'BEFORE' ? '-' : '';
    return { start: anchor.start, end: q.end, kind: 'EVENT_RELATIVE', anchor: anchor.word, value: `${sign}${q.duration}`, approx: false };
  }
  if (q.direction === 'AFTER') {
    // `嘱2周后复查`: advice counts from when it is written, the record's reference.
    if (isPlanned(text, q.start)) return { start: q.start, end: q.end, kind: 'RELATIVE', value: q.duration, approx: false };
    const word = anchorBefore(text, q.start, entities);
    if (word !== null) return { start: q.start, end: q.end, kind: 'EVENT_RELATIVE', anchor: word, value: q.duration, approx: false };
    // Opening its sentence, with nothing written before it to count from: the reference; else not invented.
    if (!/^\s*(?:患者|患儿|病人)?\s*$/.test(sentenceBefore(text, q.start))) return null;
    return { start: q.start, end: q.end, kind: 'RELATIVE', value: q.duration, approx: false };
  }
  return { start: q.start, end: q.end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
}

/** No direction word: an offset since an event, a history length, a still-holding state, or an episode's length. */
function classifyBare(
  text: string,
  q: QuantityMatch,
  before: string,
  after: string,
  entities: readonly EntityMention[],
  quotes: readonly QuoteSpan[],
): TimexDraft | null {
  // `化疗结束3周`: the length since an event's end is an offset from it
  const ended = anchorEndingAt(text, q.start, entities);
  if (ended && /结束$/.test(ended.word)) {
    return { start: ended.start, end: q.coreEnd, kind: 'EVENT_RELATIVE', anchor: ended.word, value: q.duration, approx: false };
  }
  // `距末次化疗3周`
  if (ended && /距(?:离)?(?:末次|上次|最后一次)?\s*$/.test(text.slice(0, ended.start))) {
    return { start: ended.start, end: q.coreEnd, kind: 'EVENT_RELATIVE', anchor: ended.word, value: q.duration, approx: false };
  }
  const end = q.coreEnd;
  const quote = quoteAt(quotes, q.start);
  if (quote) {
    const visit = VISIT_WORD.exec(text.slice(quote.end, quote.end + 24));
    if (visit && visit[1] && CURRENT_ADMISSION.test(visit[1])) {
      return { start: q.start, end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
    }
    // A complaint (`因“黑便半年”就诊`) dates the onset before that visit; with no visit word, the visit is implied.
    if ((visit && visit[1]) || COMPLAINT_OPENER.test(text.slice(Math.max(0, quote.start - 4), quote.start))) {
      return { start: q.start, end, kind: 'EVENT_RELATIVE', anchor: visitAnchor(visit?.[1] ?? '就诊'), value: `-${q.duration}`, approx: false };
    }
  }
  if (/(?:持续|历时|时长|耗时|用时)(?:了|时间)?\s*$/.test(before) || q.pre === '超过' || /[（(]\s*$/.test(before)) {
    return { start: q.start, end, kind: 'DURATION', value: q.duration, approx: false };
  }
  // `于24日`, `，23日盆腔引流…`: a day of the month, not a length
  if (/日$/.test(text.slice(q.start, end)) && q.pre === '' && /(?:[于在月至，,。；;]|^)\s*$/.test(before)) return null;
  if (/^0\d/.test(text.slice(q.start, end))) return null; // `03-16日`: a date, never a length
  const disease = entities.some((e) => e.type === 'DISEASE' && e.end <= q.start && /^\s*$/.test(text.slice(e.end, q.start)));
  if (disease) return { start: q.start, end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
  // A treatment right before the length (`确诊后口服希罗达2月`) is an episode even after a history word.
  if (EPISODE_VERB.test(before) || TREATMENT_WITH_OBJECT.test(before)) {
    return { start: q.start, end, kind: 'DURATION', value: q.duration, approx: false };
  }
  if (HISTORY_WORD.test(before) || /^\s*(?:入院|就诊|来院|来诊|来我院)/.test(after)) {
    return { start: q.start, end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
  }
  if (isEpisode(text, q, before)) return { start: q.start, end, kind: 'DURATION', value: q.duration, approx: false };
  // A symptom or state with its length and nothing saying it ended (`声嘶20天`, `近1周`): onset before the reference.
  return { start: q.start, end, kind: 'RELATIVE', value: `-${q.duration}`, approx: false };
}

/**
 * Whether a bare length is a completed episode (DURATION, README decision 11): a treatment or action verb before it
 * (`输液治疗2天`, `卧床一周余`), an episode after an event (`化疗后恶心3到4天`, `术后发热1天`), or an ending after it
 * (`手麻木3天，现已恢复`).
 */
function isEpisode(text: string, q: QuantityMatch, before: string): boolean {
  if (EPISODE_VERB.test(before) || TREATMENT_WITH_OBJECT.test(before)) return true;
  const clauseStart = Math.max(text.lastIndexOf('，', q.start - 1), text.lastIndexOf(',', q.start - 1), text.lastIndexOf('。', q.start - 1), text.lastIndexOf('；', q.start - 1));
  const clause = text.slice(clauseStart + 1, q.start);
  if (AFTER_EVENT.test(clause) && q.pre !== '近') return true;
  return EPISODE_END.test(text.slice(q.coreEnd, q.coreEnd + 12));
}

/** The text of the sentence before `pos` (sentences end at `。！？；;` and line breaks). */
function sentenceBefore(text: string, pos: number): string {
  const before = text.slice(Math.max(0, pos - 80), pos);
  const cut = Math.max(...['。', '！', '？', '；', ';', '\n'].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
}

/** The visit word as written (`就诊`, `入院`, `入住`, `来院`); `入我院` is `入院` with the hospital left out. */
function visitAnchor(word: string): string {
  return word === '入我院' ? '入院' : word;
}
