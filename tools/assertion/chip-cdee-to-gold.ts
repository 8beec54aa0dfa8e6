/**
 * One CHIP-CDEE sentence → one line of the `oncotimeline evaluate-assertion` format, findings placed by
 * `alignFindings` (code points, end exclusive). Findings that cannot be placed are dropped and counted.
 *
 * toGoldLine({ id: 5, text: '无发热', event: [{ core_name: '发热', tendency: '否定', character: [], anatomy_list: [] }] })
 * → { line: { id: '5', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 3, label_type: 'SYMPTOM',
 *      assertion: 'ABSENT', aligned: 'exact' }] }, exact: 1, fuzzy: 0, unaligned: 0 }
 */
import { alignFindings } from './align-finding.js';

export interface ChipCdeeFinding {
  core_name: string;
  tendency: string;
  character: string[];
  anatomy_list: string[];
}

export interface ChipCdeeSentence {
  id: number;
  text: string;
  event: ChipCdeeFinding[];
}

export interface GoldLine {
  id: string;
  originalText: string;
  entities: Array<{ start_pos: number; end_pos: number; label_type: string; assertion: string; aligned: 'exact' | 'fuzzy' }>;
}

/** `tendency` → assertion; two values in the file carry a trailing space (`不确定 `), hence the trim by callers. */
const TENDENCY: Readonly<Record<string, 'PRESENT' | 'ABSENT' | 'POSSIBLE'>> = { '': 'PRESENT', 否定: 'ABSENT', 不确定: 'POSSIBLE' };

/**
 * CHIP-CDEE has no entity types; a disease-like head word makes a DISEASE, anything else a SYMPTOM (the findings
 * are symptoms, signs and lesions). The rules use the type for `X待查` (a symptom's work-up vs a suspected disease).
 */
function guessType(coreName: string): 'DISEASE' | 'SYMPTOM' {
  return /(癌|瘤|炎|病|综合征|结核|梗死|硬化|衰竭|白血病|转移)$/u.test(coreName) ? 'DISEASE' : 'SYMPTOM';
}

const codePoints = (text: string, utf16: number): number => [...text.slice(0, utf16)].length;

export function toGoldLine(s: ChipCdeeSentence): { line: GoldLine; exact: number; fuzzy: number; unaligned: number } {
  const aligned = alignFindings(s.text, s.event.map((e) => ({ coreName: e.core_name, anatomy: e.anatomy_list, character: e.character })));
  const out = { line: { id: String(s.id), originalText: s.text, entities: [] as GoldLine['entities'] }, exact: 0, fuzzy: 0, unaligned: 0 };
  s.event.forEach((e, k) => {
    const a = aligned[k] ?? null;
    const assertion = TENDENCY[e.tendency.trim()];
    if (a === null || assertion === undefined) {
      out.unaligned++;
      return;
    }
    out[a.method]++;
    out.line.entities.push({
      start_pos: codePoints(s.text, a.start), end_pos: codePoints(s.text, a.end),
      label_type: guessType(e.core_name), assertion, aligned: a.method,
    });
  });
  return out;
}
