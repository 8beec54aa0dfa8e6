import { NerError } from '../errors.js';
import { codePointToUtf16 } from '../../domain/index.js';

export { codePointToUtf16 };

/**
 * CCKS 2019-format JSON lines → records with gold spans in UTF-16 offsets.
 * Input lines: `{"originalText": str, "entities": [{"start_pos", "end_pos", "label_type"}]}`, offsets in code points,
 * end exclusive; UTF-8 with or without BOM; blank lines skipped.
 *
 * @example readCcksRecords('{"originalText":"𠮷癌","entities":[{"start_pos":1,"end_pos":2,"label_type":"疾病和诊断"}]}')
 *   → [{ line: 1, text: '𠮷癌', gold: [{ start: 2, end: 3, label: '疾病和诊断' }] }]
 */
export interface GoldSpan {
  start: number;
  end: number;
  label: string;
}

export interface CcksRecord {
  /** 1-based line number in the file, for error messages. */
  line: number;
  text: string;
  gold: GoldSpan[];
}

function bad(line: number, what: string): never {
  throw new NerError('BAD_USER_INPUT', `line ${line}: ${what}`);
}

export function readCcksRecords(content: string): CcksRecord[] {
  const records: CcksRecord[] = [];
  content.replace(/^\uFEFF/u, '').split('\n').forEach((raw, i) => {
    const line = i + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      bad(line, `not valid JSON (${(err as Error).message})`);
    }
    if (typeof obj !== 'object' || obj === null) bad(line, 'expected a JSON object');
    const { originalText, entities } = obj as { originalText?: unknown; entities?: unknown };
    if (typeof originalText !== 'string') bad(line, `originalText: expected a string, got ${typeof originalText}`);
    if (entities !== undefined && !Array.isArray(entities)) bad(line, `entities: expected an array, got ${typeof entities}`);
    const map = codePointToUtf16(originalText);
    const count = map.length - 1;
    const gold = ((entities ?? []) as unknown[]).map((e, k) => {
      const { start_pos: s, end_pos: end, label_type: label } = (e ?? {}) as Record<string, unknown>;
      if (!Number.isInteger(s) || !Number.isInteger(end) || (s as number) < 0 || (end as number) <= (s as number) || (end as number) > count) {
        bad(line, `entities[${k}]: expected 0 ≤ start_pos < end_pos ≤ ${count} (code points), got ${JSON.stringify(s)}..${JSON.stringify(end)}`);
      }
      if (typeof label !== 'string' || label === '') bad(line, `entities[${k}].label_type: expected a non-empty string`);
      return { start: map[s as number] as number, end: map[end as number] as number, label };
    });
    records.push({ line, text: originalText, gold });
  });
  return records;
}
