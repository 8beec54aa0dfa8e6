/**
 * Strict span scoring: a prediction is correct iff (start, end, type) equals a gold span's.
 * Micro precision/recall/F1 over all scored types plus the same per type.
 */
export interface Span {
  start: number;
  end: number;
  type: string;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface Scores {
  micro: Prf;
  perType: Record<string, Prf>;
}

export class SpanScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  /** @param types the types scored; spans of other types are ignored on both sides. */
  constructor(private readonly types: readonly string[]) {
    for (const t of types) this.counts.set(t, { gold: 0, predicted: 0, correct: 0 });
  }

  add(gold: readonly Span[], predicted: readonly Span[]): void {
    const key = (s: Span): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set<string>();
    for (const s of gold) {
      const c = this.counts.get(s.type);
      if (!c || goldKeys.has(key(s))) continue; // duplicate gold lines count once
      goldKeys.add(key(s));
      c.gold++;
    }
    const seen = new Set<string>();
    for (const s of predicted) {
      const c = this.counts.get(s.type);
      if (!c || seen.has(key(s))) continue;
      seen.add(key(s));
      c.predicted++;
      if (goldKeys.has(key(s))) c.correct++;
    }
  }

  scores(): Scores {
    const perType: Record<string, Prf> = {};
    const total = { gold: 0, predicted: 0, correct: 0 };
    for (const t of this.types) {
      const c = this.counts.get(t) as { gold: number; predicted: number; correct: number };
      perType[t] = prf(c);
      total.gold += c.gold;
      total.predicted += c.predicted;
      total.correct += c.correct;
    }
    return { micro: prf(total), perType };
  }
}

function prf(c: { gold: number; predicted: number; correct: number }): Prf {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ...c };
}
