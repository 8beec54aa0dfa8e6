/**
 * Therapy-modality mentions (化疗, 放疗, 靶向治疗, TACE, …) found by a fixed word list: a rule, not the model.
 * Why: the served model tags TREATMENT only through its CCKS 2017 head, and neither data set annotates modalities
 * (化疗 occurs 1,748 times in the CCKS 2019 training texts and 3 times in CCKS 2017, never annotated), so no model
 * trained on them puts chemotherapy or radiotherapy on a timeline. Drugs (药物) and operations (手术) are the model's.
 * Negation (`未行化疗`, `拒绝放疗`) is not handled here nor anywhere in the platform: such a mention is still found.
 *
 * @example
 *   findTherapyTerms('术后行辅助化疗4周期，化疗药物为奥沙利铂')   // → [{ start: 3, end: 7, text: '辅助化疗' }]
 */

export interface TermSpan {
  /** UTF-16 code-unit offsets into the text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/**
 * Chemotherapy / radiotherapy / systemic-therapy terms: these take a role modifier (below).
 * `放、化疗` is one mention of both; `化学药物治疗` is the long form of 化疗 (not a drug).
 */
const MODIFIABLE_TERMS = [
  '化疗', '化学治疗', '化学药物治疗', '放疗', '放射治疗', '放化疗', '化放疗', '放、化疗',
  '靶向治疗', '内分泌治疗', '免疫治疗',
];

/** Local and other modalities, without modifiers; `…治疗` after them stays in the span (`射频消融治疗`). */
const PLAIN_TERMS = [
  '生物治疗', '介入治疗', '消融治疗', '热疗', '质子治疗', '重离子治疗', '质子重离子治疗',
  // 化疗栓塞 is chemoembolisation (= TACE): without it `肝动脉化疗栓塞` would yield a bare 化疗.
  '化疗栓塞',
  '造血干细胞移植', '干细胞移植', '骨髓移植',
  ...['射频消融', '微波消融', '冷冻消融', '粒子植入', '伽马刀', '伽玛刀', 'γ刀', '射波刀'].flatMap((t) => [t, `${t}治疗`]),
];

/** ASCII abbreviations of modalities, matched case-insensitively (full-width letters too). */
const ASCII_TERMS = ['TACE', 'HAIC', 'HIFU'];

/**
 * Role modifiers kept in the span when written directly before a modifiable term (`新辅助化疗`, `同步放化疗`,
 * `姑息性放疗`): they name the kind of course. One modifier at most (`新辅助同步放化疗` → `同步放化疗`).
 * Not 术前/术后: they say when, which is the time module's job (`术后` is its anchor in `术后2年`), so
 * `术后化疗` → `化疗`.
 */
const MODIFIERS = ['新辅助', '辅助', '姑息性', '姑息', '同步', '序贯', '诱导', '巩固', '维持', '根治性', '预防性', '挽救性', '解救'];

/**
 * A term directly followed by one of these is not a treatment event: a drug (`化疗药物`), a department or place
 * (`放疗科`, `放疗中心`, `化疗病房`), staff (`放疗师`), a device (`化疗泵`, `化疗港`) or a complication named after
 * the treatment (`放疗性肠炎`).
 */
const NOT_BEFORE = /^(?:药|科|室|中心|病区|病房|师|医生|医师|泵|港|性)/;

/**
 * `恶化疗效`, `发热疗程`: 化/放/热 ends the word before it and 疗 starts 疗效/疗程, so no 化疗/放疗/热疗 is there.
 * Only checked for the bare two-character terms, whose first character is the one shared.
 */
const CROSS_WORD: Readonly<Record<string, RegExp>> = {
  化疗: /[恶变强消转分硬钙优液软氧骨维淡简细激]$/,
  放疗: /[释开发排投存解]$/,
  热疗: /[发退低高潮解畏烦]$/,
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (terms: readonly string[]): string =>
  [...terms].sort((a, b) => b.length - a.length).map(escape).join('|');

// One pass, leftmost first; at a position the alternatives are tried longest first (modifier + term, then a term).
// ASCII terms: no letter or digit before, no letter after (a count may follow directly: `TACE3次`).
const PATTERN = new RegExp(
  `(?:${alternation(MODIFIERS)})(?:${alternation(MODIFIABLE_TERMS)})` +
    `|${alternation([...MODIFIABLE_TERMS, ...PLAIN_TERMS])}` +
    `|(?<![A-Za-z0-9_])(?:${alternation(ASCII_TERMS)})(?![A-Za-z_])`,
  'gi',
);

/** Full-width ASCII → ASCII, one UTF-16 unit for one, so offsets are unchanged (as the tokenizer folds). */
function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Therapy-modality mentions of `text`: sorted, non-overlapping, the longest match at each position. */
export function findTherapyTerms(text: string): TermSpan[] {
  const folded = foldWidth(text);
  const spans: TermSpan[] = [];
  const re = new RegExp(PATTERN.source, PATTERN.flags);
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (excluded(folded, start, end, m[0])) {
      // No shorter match at this start: it would end inside the same excluded word (`射频消融治疗科`).
      re.lastIndex = start + 1;
      continue;
    }
    spans.push({ start, end, text: text.slice(start, end) });
  }
  return spans;
}

function excluded(folded: string, start: number, end: number, match: string): boolean {
  const after = folded.slice(end, end + 2);
  if (NOT_BEFORE.test(after)) return true;
  const crossWord = CROSS_WORD[match];
  return crossWord !== undefined && /^[效程]/.test(after) && crossWord.test(folded.slice(Math.max(0, start - 1), start));
}
