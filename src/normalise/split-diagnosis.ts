import { foldText } from './fold-text.js';
import { rewriteTerms } from './rewrite-terms.js';
import { stripQualifiers } from './strip-qualifiers.js';

/**
 * The spans of a raw diagnosis string the ranker compares with standard names: the whole (folded) text, its parts
 * between punctuation, the parts of those at conjunctions (伴, 并, 合并, 及…), and the qualifier-stripped core of each.
 * Conjunction parts are added beside the unsplit part, not instead of it, because standard names contain them too
 * (应激性溃疡伴出血). Each part and core also appears with clinical shorthand rewritten (rewrite-terms.ts).
 * Spans of one character are kept only when they are the whole text.
 *
 * @example diagnosisSpans('左乳癌伴骨转移;高血压')
 * // → ['左乳癌伴骨转移;高血压', '左乳癌伴骨转移', '左乳腺恶性肿瘤伴骨继发恶性肿瘤', '乳癌伴骨转移', …,
 * //    '左乳癌', '左乳腺恶性肿瘤', '乳癌', '乳腺恶性肿瘤', '骨转移', '骨继发恶性肿瘤', '高血压']
 */
export function diagnosisSpans(text: string): string[] {
  const folded = foldText(text);
  const out = new Set<string>();
  const add = (s: string): void => {
    if (s.length >= 2 || (s.length === 1 && s === folded)) out.add(s);
  };
  const addWithRewrite = (s: string): void => {
    add(s);
    add(rewriteTerms(s));
  };
  add(folded);
  for (const part of splitAtPunctuation(folded)) {
    addWithRewrite(part);
    addWithRewrite(stripQualifiers(part));
    const pieces = part.split(CONJUNCTION).filter((p) => p.length >= 2);
    if (pieces.length > 1) {
      for (const piece of pieces) {
        addWithRewrite(piece);
        addWithRewrite(stripQualifiers(piece));
      }
    }
  }
  return [...out];
}

/**
 * Parts between punctuation, list numbering dropped (`1.高血压2.糖尿病` → 高血压, 糖尿病). A full stop between
 * digits (`2.5cm`) is not a separator.
 */
export function splitAtPunctuation(folded: string): string[] {
  return folded
    .replace(/(\d)\.(\d)/gu, '$1\u0000$2')
    .split(PUNCTUATION)
    .map((p) => p.replace(/\u0000/gu, '.').replace(/^\d{1,2}(?=[^\d.A-Z])/u, ''))
    .filter((p) => p.length > 0);
}

// Folded text: NFKC already turned ，；：（）？ into their ASCII forms.
const PUNCTUATION = /[,;:.。、!?"'“”‘’()[\]【】{}<>《》/\\|+]+|(?<=[^\dA-Z])\d{1,2}(?:\.|、)(?=\D)/u;
// 并发症 is a word, not 并 + 发症.
const CONJUNCTION = /伴有|伴发|伴|合并|并(?!发症)|及|和|与/u;
