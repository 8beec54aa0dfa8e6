/** Small number helpers the bench sections share. */

/** The `p` quantile (0..1) of ascending `sorted` (nearest rank). */
export function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** Two decimals, for reports. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
