import type { Subject } from '../domain/index.js';
import { clauseEnd, clauseStart } from './clauses.js';
import type { CueMatch } from './find-cues.js';
import { cueAt, type Scene } from './scene.js';

/** Whose finding a mention is, and the cue that said so (null: the default, the patient). */
export interface SubjectDecision {
  subject: Subject;
  cue: CueMatch | null;
}

/** A 家族史 section header opens a stretch about relatives that runs to the next section header. */
const FAMILY_HEADER = /家族(?:遗传)?史\s*[：:]/gu;
const ANY_HEADER = /(?:[\u4e00-\u9fff]{1,6}史|体格检查|查体|专科检查|辅助检查|实验室检查|入院诊断|出院诊断|诊断|主诉)\s*[：:]/gu;

/** [start, end) stretches of `text` under a 家族史 header. */
export function familySections(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const h of text.matchAll(FAMILY_HEADER)) {
    const from = h.index + h[0].length;
    ANY_HEADER.lastIndex = from;
    const next = ANY_HEADER.exec(text);
    out.push([from, next === null ? text.length : next.index]);
  }
  return out;
}

const SUBJECT_OF = { FAMILY: 'FAMILY', OTHER: 'OTHER', PATIENT: 'PATIENT' } as const;

/**
 * Decides the subject of [start, end): a `…家族史` right after it in its clause (`否认乳腺癌家族史`), else the
 * nearest person word earlier in its sentence (`母亲患卵巢癌`, `配偶…`; `患者` switches back), else a 家族史
 * section, else the patient.
 *
 * assignSubject(scene('患者无发热。母亲患卵巢癌。'), sections, 9, 12) → FAMILY (cue 母亲)
 */
export function assignSubject(scene: Scene, sections: ReadonlyArray<readonly [number, number]>, start: number, end: number): SubjectDecision {
  const { text, cues, boundaries: b } = scene;
  const to = clauseEnd(b, end);
  for (let k = cueAt(scene, end); k < cues.length; k++) {
    const c = cues[k] as CueMatch;
    if (c.start >= to) break;
    // `否认高血压病史及家族遗传病史`: a `史` in between closes the patient's own history first.
    if (c.kinds.includes('FAMILY_POST')) {
      if (!text.slice(end, c.start).includes('史')) return { subject: 'FAMILY', cue: c };
      break;
    }
  }
  const from = clauseStart(b, start, true);
  for (let k = cueAt(scene, start) - 1; k >= 0; k--) {
    const c = cues[k] as CueMatch;
    if (c.end > start) continue;
    if (c.start < from) break;
    for (const kind of ['FAMILY', 'OTHER', 'PATIENT'] as const) {
      if (c.kinds.includes(kind)) return { subject: SUBJECT_OF[kind], cue: kind === 'PATIENT' ? null : c };
    }
  }
  for (const [s, e] of sections) if (start >= s && start < e) return { subject: 'FAMILY', cue: null };
  return { subject: 'PATIENT', cue: null };
}
