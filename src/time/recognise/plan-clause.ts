/** Words that put what follows in the future: advice, appointments, plans (`嘱2周后复查`, `拟下周手术`). */
const PLAN_WORD = /(?:嘱|建议|预约|计划|拟|定于|将于|准备|安排|择期|约定|下次)/;
const SENTENCE_END = /[。！？!?；;\n]/;

/**
 * Whether `pos` lies in a plan: its sentence has a plan word before it (`嘱患者2周后复查` → true at `2周后`;
 * `2周前行手术` → false). A bare `N后` there counts from the reference, and a yearless date is the next one.
 */
export function isPlanned(text: string, pos: number): boolean {
  let start = pos;
  // Sentences are short; 80 units back bounds the scan on records without punctuation.
  while (start > 0 && pos - start < 80 && !SENTENCE_END.test(text[start - 1] ?? '')) start--;
  return PLAN_WORD.test(text.slice(start, pos));
}
