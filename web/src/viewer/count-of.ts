/**
 * A count with its noun, singular for one.
 *
 * @example
 *   countOf(1, 'record')   // '1 record'
 *   countOf(3, 'patient')  // '3 patients'
 */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
