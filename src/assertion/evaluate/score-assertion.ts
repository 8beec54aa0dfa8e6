import { ASSERTIONS, type Assertion, type Subject } from '../../domain/index.js';

/** Running counts: `confusion[gold][predicted]`, and subject hits over mentions whose gold names a subject. */
export interface AssertionCounts {
  confusion: Record<Assertion, Record<Assertion, number>>;
  subjectGold: number;
  subjectCorrect: number;
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
}

export interface AssertionScores {
  accuracy: number;
  macroF1: number;
  perClass: Record<Assertion, ClassScore>;
  subjectAccuracy: number | null;
  entities: number;
}

export function emptyAssertionCounts(): AssertionCounts {
  const row = (): Record<Assertion, number> => ({ PRESENT: 0, ABSENT: 0, POSSIBLE: 0 });
  return { confusion: { PRESENT: row(), ABSENT: row(), POSSIBLE: row() }, subjectGold: 0, subjectCorrect: 0 };
}

/** Adds one mention: addMention(c, { assertion: 'ABSENT', subject: null }, { assertion: 'ABSENT', subject: 'PATIENT' }). */
export function addMention(
  c: AssertionCounts, gold: { assertion: Assertion; subject: Subject | null }, predicted: { assertion: Assertion; subject: Subject },
): void {
  c.confusion[gold.assertion][predicted.assertion]++;
  if (gold.subject !== null) {
    c.subjectGold++;
    if (gold.subject === predicted.subject) c.subjectCorrect++;
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Accuracy, per-class precision/recall/F1 and their unweighted mean (macro-F1 over all three classes, so the rare
 * POSSIBLE counts as much as PRESENT). A class nobody predicted has precision 0.
 */
export function scoreAssertions(c: AssertionCounts): AssertionScores {
  let total = 0;
  let correct = 0;
  const perClass = {} as Record<Assertion, ClassScore>;
  for (const k of ASSERTIONS) {
    const gold = ASSERTIONS.reduce((n, p) => n + c.confusion[k][p], 0);
    const predicted = ASSERTIONS.reduce((n, g) => n + c.confusion[g][k], 0);
    const hit = c.confusion[k][k];
    const precision = ratio(hit, predicted);
    const recall = ratio(hit, gold);
    perClass[k] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), gold };
    total += gold;
    correct += hit;
  }
  return {
    accuracy: ratio(correct, total),
    macroF1: ASSERTIONS.reduce((n, k) => n + perClass[k].f1, 0) / ASSERTIONS.length,
    perClass,
    subjectAccuracy: c.subjectGold === 0 ? null : c.subjectCorrect / c.subjectGold,
    entities: total,
  };
}
