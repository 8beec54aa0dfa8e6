/**
 * Folds full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to a space, one UTF-16 unit for one, so every
 * offset in the folded text is an offset in the original. `２０１８－０３` → `2018-03`.
 * Full-width `：` is kept: sentence splitting treats it differently from ASCII `:`.
 */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e && ch !== '：' && ch !== '；' && ch !== '，' && ch !== '（' && ch !== '）') {
      out += String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}
