/** Regex building blocks shared by the recognisers (all used on folded text, see fold-text.ts). */

/** A quantity's number: digits, decimals, Chinese numerals, `半`, and the unstated `数/几/多/十几/数十`. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|[一二三四五六七八九]?十几|数十|几十|[零〇一二两俩三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?|数|几|多|半)`;

/** A time unit (`周期` is a cycle, never a week). */
export const UNIT = String.raw`(?:年|个?月|个?星期|周(?!期)|天|日|个?小时|分钟|秒钟?)`;

/** Approximation markers inside a span, per guideline §1 (plus `右左`, the swapped form found in the data). */
export const APPROX_MARKERS = ['余', '约', '左右', '右左', '许', '多', '近', '+', '超过', '以上', '以下', '数', '几'] as const;

/** A range inside one expression (`3-5分钟`, `3到4天`) counts as approximate. */
export const RANGE_IN_SPAN = /[0-9一二三四五六七八九十]\s*(?:个|[年月周天日]|小时|分钟|秒)?\s*(?:-|~|到|至|—{1,2}|–)\s*[0-9一二三四五六七八九十]/;

/**
 * Event words an offset can be anchored on, longest first so that `放疗结束` wins over `放疗`.
 * `术` is the head of every `…术` (`根治术后2年` → anchor `术`).
 */
export const ANCHOR_WORDS = [
  '放化疗结束', '放疗结束', '化疗结束', '治疗结束', '手术结束', '放化疗', '放疗', '化疗', '手术', '治疗', '住院', '入院',
  '出院', '发病', '起病', '就诊', '确诊', '诊断', '服药', '用药', '停药', '移植', '介入', '栓塞', '消融', '分娩', '绝经', '术',
] as const;

/** Visit words that end a quoted complaint (`因“黑便半年”就诊`). */
export const VISIT_WORD = /^[^，,。；;“”"]{0,20}?(入院|住院|就诊|就医|来院|来诊|收入|收住|收治|入我院|入住)/;

/** Whether the span text carries an approximation marker or a range. */
export function hasApproxMarker(span: string, allowRange: boolean): boolean {
  return APPROX_MARKERS.some((m) => span.includes(m)) || (allowRange && RANGE_IN_SPAN.test(span));
}
