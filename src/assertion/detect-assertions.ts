import type { Assertion, EntityType, Subject } from '../domain/index.js';
import { assignAssertion } from './assign-assertion.js';
import { assignSubject, familySections } from './assign-subject.js';
import { buildScene } from './scene.js';
import { validateMentions } from './validate-mentions.js';

/** A mention to judge: UTF-16 offsets into the text, end exclusive. */
export interface AssertionInput {
  start: number;
  end: number;
  type: EntityType;
}

/**
 * What the text says about a mention. `cue` is the text of the trigger that decided it (the assertion's cue, else
 * the subject's), null when nothing did (PRESENT, PATIENT by default).
 */
export interface AssertionResult {
  assertion: Assertion;
  subject: Subject;
  cue: string | null;
}

/**
 * ConText-style assertion and subject of every mention, one result per mention in the same order.
 * Throws a TypeError (expected vs got) on a span outside the text or an unknown type.
 *
 * detectAssertions('患者无发热，否认乳腺癌家族史。母亲患卵巢癌。考虑肺转移可能。', [
 *   { start: 3, end: 5, type: 'SYMPTOM' }, { start: 8, end: 11, type: 'DISEASE' },
 *   { start: 18, end: 21, type: 'DISEASE' }, { start: 24, end: 27, type: 'DISEASE' }])
 * → [{ assertion: 'ABSENT', subject: 'PATIENT', cue: '无' }, { assertion: 'ABSENT', subject: 'FAMILY', cue: '否认' },
 *    { assertion: 'PRESENT', subject: 'FAMILY', cue: '母亲' }, { assertion: 'POSSIBLE', subject: 'PATIENT', cue: '可能' }]
 */
export function detectAssertions(text: string, mentions: readonly AssertionInput[]): AssertionResult[] {
  validateMentions(text, mentions);
  if (mentions.length === 0) return [];
  const scene = buildScene(text, mentions);
  const sections = familySections(text);
  return mentions.map((m): AssertionResult => {
    const a = assignAssertion(scene, m.start, m.end, m.type);
    const s = assignSubject(scene, sections, m.start, m.end);
    const cue = a.cue ?? s.cue;
    return { assertion: a.assertion, subject: s.subject, cue: cue === null ? null : text.slice(cue.start, cue.end) };
  });
}
