import type { SpecialIds, Vocabulary } from './vocabulary.js';

/**
 * Character-level tokenisation, identical to the Python side (CONTRACTS.md § Tokenisation): one token per code point;
 * full-width ASCII → half-width, U+3000 → space; contract whitespace → `[unused1]`; ASCII A–Z lower-cased; vocabulary
 * lookup of the single character, else `[UNK]`.
 *
 * @example tokenize('ＣＴ 示', vocab, special) → ids of ['c', 't', '[unused1]', '示'], offsets [0, 1, 2, 3, 4]
 */
export interface Tokens {
  /** [n] content token ids (no [CLS]/[SEP]). */
  ids: Int32Array;
  /** [n + 1] UTF-16 offset where token i starts; offsets[n] = text.length. Astral characters span two units. */
  offsets: Int32Array;
}

/** Whitespace per the contract (Python `str.isspace` ∩ JS `\s`, as listed), after width folding. */
const WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

/** Normalises one code point: returns -1 for whitespace, else the code point to look up. */
export function normalizeCodePoint(cp: number): number {
  let c = cp;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (WHITESPACE.has(c)) return -1;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export function tokenize(text: string, vocab: Vocabulary, special: SpecialIds): Tokens {
  const ids = new Int32Array(text.length); // upper bound: one token per UTF-16 unit
  const offsets = new Int32Array(text.length + 1);
  const cache = new Map<number, number>(); // code point → id; records repeat few distinct characters
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    let id = cache.get(cp);
    if (id === undefined) {
      const c = normalizeCodePoint(cp);
      id = c < 0 ? special.space : (vocab.ids.get(String.fromCodePoint(c)) ?? special.unk);
      cache.set(cp, id);
    }
    ids[n] = id;
    offsets[n] = i;
    n++;
    i += cp > 0xffff ? 2 : 1;
  }
  offsets[n] = text.length;
  return { ids: ids.slice(0, n), offsets: offsets.slice(0, n + 1) };
}
