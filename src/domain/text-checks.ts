/**
 * Character-level checks shared by record validation and argument checks.
 *
 * @example
 *   hasVisibleCharacter('\u200B\u0000 \n')   // false (zero-width space, NUL, whitespace only)
 *   hasVisibleCharacter('癌')                 // true
 *   isWellFormedUnicode('P\uD800')           // false (a lone surrogate would become U+FFFD in Neo4j)
 *   countCodePoints('𠀀癌')                    // 2
 */

/**
 * Anything but whitespace, control/format/unassigned/private-use/surrogate code points (`\p{C}`: NUL, zero-width
 * space and joiners, BOM, bidi marks, soft hyphen), default-ignorable code points (Hangul fillers, variation
 * selectors), combining marks with no base, and the blank braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{C}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** In a `u` regexp a surrogate pair is one code point, so `\p{Cs}` matches only a lone (ill-formed) surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

const CONTROL = /\p{Cc}/u;

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

export function isWellFormedUnicode(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
