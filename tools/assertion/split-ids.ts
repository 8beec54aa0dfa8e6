/**
 * The deterministic train/dev split of CHIP-CDEE train.json: a record is dev when the FNV-1a hash of its id (as a
 * decimal string) is 0 mod 5 (about 20%). By hash rather than by position, so re-ordering the file changes nothing.
 *
 * isDevId(268) → false; the committed lists are models/assertion/splits/{train,dev}-ids.txt.
 */
export function isDevId(id: number | string): boolean {
  let h = 0x811c9dc5;
  for (const ch of String(id)) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 5 === 0;
}
