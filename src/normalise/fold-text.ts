/**
 * One canonical form for matching raw mentions against standard names: NFKC (full-width → half-width, `Ⅳ` → `IV`,
 * `（` → `(`), Latin upper-cased, whitespace removed. Standard names and learnt n-grams are folded the same way at
 * build time, so every comparison in this module is between folded strings.
 *
 * @example foldText('右乳腺癌Ⅳ期 ') // → '右乳腺癌IV期'
 * @example foldText('ｈｅｒ２阳性')  // → 'HER2阳性'
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}
