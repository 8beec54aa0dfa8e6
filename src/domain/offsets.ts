/**
 * Dataset files (CCKS, time-gold) count offsets in code points; the platform counts UTF-16 code units.
 * `codePointToUtf16(text)[k]` is the UTF-16 offset of code point k; the last entry is `text.length`.
 */
export function codePointToUtf16(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; k++) {
    map[k] = i;
    i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  }
  map[k] = text.length;
  return map.slice(0, k + 1);
}
