import type { Assertion, EntityType } from '../domain/index.js';
import { clauseEnd, clauseStart } from './clauses.js';
import type { CueMatch } from './find-cues.js';
import { cueAt, type Scene } from './scene.js';

/** The assertion of one mention and the cue that decided it (null: no cue, PRESENT by default). */
export interface AssertionDecision {
  assertion: Assertion;
  cue: CueMatch | null;
}

/**
 * Post-cues that reach only the mention right before them: `肝脓肿？新生物？`, not `十二指肠隆起（息肉？）`'s 隆起;
 * `体重无明显变化`, not `小结节大小较前无明显改变` (the nodule is there; its size did not change).
 */
const ADJACENT_ONLY = new Set([
  '?', '？', '待查', '待诊', '原因待查', '原因待诊', '性质待定', '待定', '无明显变化', '无变化', '无明显改变', '未见明显变化',
  '未见明显改变', '无明显下降', '未见明显下降', '无下降', '无明显减轻', '无减轻', '无明显增减', '无明显增加', '不明显',
]);
/** Cues that take a whole proposition, so a plain `有` does not end their scope (`否认发作前有胸闷`, `考虑仍有积液`). */
const PROPOSITIONAL = new Set(['否认', '考虑', '怀疑', '疑', '不除外', '不能除外', '不排除', '不能排除', '有无', '是否']);
const WEAK_TERMS = new Set(['有', '仍有']);
/** Cues that govern the rest of their sentence, across commas: `考虑：宫腔积血，节育器嵌顿`. */
const SENTENCE_WIDE = new Set(['考虑：', '考虑:']);
/** `X待查` of a symptom means the symptom is there and its cause is sought (`腹痛待查`); of a disease, a guess. */
const WORKUP = new Set(['待查', '待诊', '原因待查', '原因待诊']);
/** Post-negations that need the clause to end after them: `体重未见。` but not `肿瘤粘连组织未见癌累及`. */
const CLAUSE_FINAL = new Set(['未见', '未及', '未触及', '未闻及', '未查见']);
/** What may sit between a mention and an adjacent post-cue (`咳嗽症状不明显`). */
const GLUE = /^[\s”"’'）)]*(?:症状)?$/u;
/**
 * Result words that negate any mention before them (`hbsag阴性`). The other post-negations (`未见异常`, `不明显`)
 * speak of findings only: `腹部ct未见明显异常` says the CT was done and normal, so the CT stays PRESENT.
 */
const RESULT_CUES = new Set(['阴性', '(-)', '（-）', '（—）', '(—)', '（－）', '(－)']);
const FINDING_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['DISEASE', 'SYMPTOM']);
/** What a clause may hold besides mentions and still continue the list before it (`无腹胀，腹泻，无尿频`). */
const LIST_FILLER = /^(?:[\s、及和或与并等,，/]|不适|症状)*$/u;

const isNeg = (c: CueMatch): boolean => c.kinds.includes('NEG_PRE') || c.kinds.includes('NEG_POST');
const isPoss = (c: CueMatch): boolean => c.kinds.includes('POSS_PRE') || c.kinds.includes('POSS_POST');

/**
 * The nearest pre-cue in [from, to), walking back. A terminator (`偶有`, `但`, `出现`) closes the scope of anything
 * before it, except that a plain `有` does not stop a propositional cue (`否认发作前有胸闷`). Pseudo-cues are stepped
 * over. Returns 'blocked' when a terminator ended the walk, null when it reached `from` without a cue.
 */
function preCue(scene: Scene, to: number, from: number): CueMatch | 'blocked' | null {
  let blockedAt: CueMatch | null = null;
  for (let k = cueAt(scene, to) - 1; k >= 0; k--) {
    const c = scene.cues[k] as CueMatch;
    if (c.start < from) break;
    if (c.end > to) continue;
    if (c.kinds.includes('NEG_PRE') || c.kinds.includes('POSS_PRE')) {
      if (blockedAt === null) return c;
      const weak = WEAK_TERMS.has(scene.text.slice(blockedAt.start, blockedAt.end));
      return weak && PROPOSITIONAL.has(scene.text.slice(c.start, c.end)) ? c : 'blocked';
    }
    if (c.kinds.includes('TERM') && blockedAt === null) blockedAt = c;
  }
  return blockedAt === null ? null : 'blocked';
}

/** The nearest post-cue after the mention in its clause (`hbsag、hbeab阳性`, `转移瘤可能`), before any terminator. */
function postCue(scene: Scene, end: number, to: number, type: EntityType): CueMatch | null {
  const { text, cues } = scene;
  for (let k = cueAt(scene, end); k < cues.length; k++) {
    const c = cues[k] as CueMatch;
    const word = text.slice(c.start, c.end);
    // A bracketed result (`hbsag(-)`) opens at the clause's closing boundary and still belongs to it.
    if (c.start > to || (c.start === to && !'(（'.includes(word[0] as string))) return null;
    if (c.kinds.includes('NEG_POST') || c.kinds.includes('POSS_POST')) {
      // A cue that can also look forward and has a mention after it is that mention's (`肺结节不除外恶性`).
      if ((c.kinds.includes('NEG_PRE') || c.kinds.includes('POSS_PRE')) && scene.spans.some((m) => m.start >= c.end && m.start < to)) return null;
      if (ADJACENT_ONLY.has(word) && !GLUE.test(text.slice(end, c.start))) continue;
      if (c.kinds.includes('NEG_POST') && !c.kinds.includes('POSS_POST') && !RESULT_CUES.has(word) && !FINDING_TYPES.has(type)) return null;
      if (WORKUP.has(word) && type !== 'DISEASE') return null;
      if (CLAUSE_FINAL.has(word) && !GLUE.test(text.slice(c.end, clauseEnd(scene.boundaries, c.end)))) return null;
      return c;
    }
    if (c.kinds.includes('TERM') || c.kinds.includes('NEG_PRE') || c.kinds.includes('POSS_PRE')) return null;
  }
  return null;
}

/** A cue overlapping the span's start, or starting inside it (`未见明显异常` over 异常, an aligned `体重无明显变化`). */
function cueOverSpan(scene: Scene, start: number, end: number): CueMatch | null {
  for (let k = Math.max(0, cueAt(scene, start) - 1); k < scene.cues.length; k++) {
    const c = scene.cues[k] as CueMatch;
    if (c.start >= end) break;
    if (c.end <= start) continue;
    if (c.start < start ? isNeg(c) || isPoss(c) : isNeg(c)) return c;
  }
  return null;
}

/**
 * A bracket right after the clause (`淋巴瘤（弥漫大b细胞淋巴瘤）可能性大`, `hbsag(-)`) is an aside: post-cues may
 * look past it, up to the next clause end, when it closes within 30 characters and holds no clause break.
 */
function pastBrackets(scene: Scene, to: number): number {
  const { text } = scene;
  if (!'(（'.includes(text[to] ?? '_')) return to;
  const close = text.slice(to + 1, to + 31).search(/[)），,。；;]/u);
  if (close < 0 || !')）'.includes(text[to + 1 + close] as string)) return to;
  return clauseEnd(scene.boundaries, to + close + 2);
}

/** A `考虑：` earlier in the sentence with no terminator after it. */
function sentenceWideCue(scene: Scene, start: number): CueMatch | null {
  const from = clauseStart(scene.boundaries, start, true);
  for (let k = cueAt(scene, start) - 1; k >= 0; k--) {
    const c = scene.cues[k] as CueMatch;
    if (c.start < from || c.kinds.includes('TERM')) return null;
    if (SENTENCE_WIDE.has(scene.text.slice(c.start, c.end))) return c;
  }
  return null;
}

/** True when a clause holds nothing but mentions and list glue, so it continues the clause before it. */
function isBareList(scene: Scene, from: number, to: number): boolean {
  let rest = '';
  let at = from;
  for (const m of scene.spans) {
    if (m.end <= from || m.start >= to) continue;
    rest += scene.text.slice(at, Math.max(at, m.start));
    at = Math.max(at, m.end);
  }
  rest += scene.text.slice(at, to);
  return at > from && LIST_FILLER.test(rest);
}

/**
 * Decides PRESENT / ABSENT / POSSIBLE for the span [start, end) of type `type`.
 *
 * assignAssertion(scene('无发热、咳嗽，偶有腹痛'), 4, 6, 'SYMPTOM') → ABSENT (cue 无)
 * assignAssertion(scene('无发热、咳嗽，偶有腹痛'), 9, 11, 'SYMPTOM') → PRESENT (偶有 ends the scope)
 * assignAssertion(scene('无腹胀，腹泻，无尿频'), 4, 6, 'SYMPTOM') → ABSENT (a bare list clause continues 无)
 */
export function assignAssertion(scene: Scene, start: number, end: number, type: EntityType): AssertionDecision {
  const b = scene.boundaries;
  const over = cueOverSpan(scene, start, end);
  if (over !== null) return { assertion: isPoss(over) ? 'POSSIBLE' : 'ABSENT', cue: over };
  let from = clauseStart(b, start);
  let to = clauseEnd(b, end);
  // `肝癌？2.肺部感染`: the `？` right after the clause still belongs to it.
  if (to < scene.text.length && '?？'.includes(scene.text[to] as string)) to++;
  to = pastBrackets(scene, to);
  let pre = preCue(scene, start, from);
  // A clause of bare list items after a comma inherits the negation before it, up to three clauses back.
  for (let hop = 0; pre === null && hop < 3 && from > 0 && '，,'.includes(scene.text[from - 1] as string); hop++) {
    if (!isBareList(scene, from, clauseEnd(b, from))) break;
    const prevTo = from - 1;
    from = clauseStart(b, prevTo);
    const inherited = preCue(scene, prevTo, from);
    if (inherited !== null && inherited !== 'blocked' && isNeg(inherited)) pre = inherited;
    else if (inherited !== null) break;
  }
  if (pre === null) pre = sentenceWideCue(scene, start);
  const before = pre === 'blocked' ? null : pre;
  const post = postCue(scene, end, to, type);
  if (post !== null && isPoss(post)) return { assertion: 'POSSIBLE', cue: post };
  if (before !== null && isPoss(before)) return { assertion: 'POSSIBLE', cue: before };
  if (before !== null) return { assertion: 'ABSENT', cue: before };
  if (post !== null) return { assertion: 'ABSENT', cue: post };
  return { assertion: 'PRESENT', cue: null };
}
