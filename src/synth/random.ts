/**
 * Seeded randomness for the generator: Mulberry32 (small, fast, repeatable; not for anything secret) and the few
 * draws the generator needs. The same seed gives the same patients on every machine.
 *
 * @example
 *   const r = new SeededRandom(7);
 *   r.int(1, 6)            // 4 (always, for seed 7's first draw)
 *   r.pick(['a', 'b'])     // 'b'
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new TypeError('pick: expected a non-empty list, got an empty one');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item drawn with probability proportional to `weightOf(item)`. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((s, i) => s + weightOf(i), 0);
    let x = this.next() * total;
    for (const item of items) {
      x -= weightOf(item);
      if (x < 0) return item;
    }
    return items[items.length - 1]!;
  }
}
