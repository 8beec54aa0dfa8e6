import { describe, expect, it } from 'vitest';
import { alignFindings } from '../../tools/assertion/align-finding.js';
import { toGoldLine } from '../../tools/assertion/chip-cdee-to-gold.js';
import { isDevId } from '../../tools/assertion/split-ids.js';

const f = (coreName: string, anatomy: string[] = [], character: string[] = []) => ({ coreName, anatomy, character });

describe('CHIP-CDEE finding alignment (invented sentences)', () => {
  it('takes an exact match first and a normalised name by character overlap', () => {
    expect(alignFindings('无发热、腹痛', [f('发热'), f('疼痛', ['腹'])])).toEqual([
      { start: 1, end: 3, method: 'exact' }, { start: 4, end: 6, method: 'fuzzy' },
    ]);
  });

  it('prefers positions after the previous finding, so a repeated name lands on its own mention', () => {
    const text = '偶有轻微疼痛，无发热，无腹痛';
    expect(alignFindings(text, [f('疼痛'), f('发热'), f('疼痛', ['腹'])]).map((a) => a && text.slice(a.start, a.end))).toEqual(['疼痛', '发热', '腹痛']);
  });

  it('breaks ties between repeated names by descriptors', () => {
    const text = '中分化腺癌，近端未见癌累及，淋巴结见癌转移';
    const [, cancer] = alignFindings(text, [f('腺癌'), f('癌', ['淋巴结'], ['转移'])]);
    expect(cancer?.start).toBe(text.lastIndexOf('癌'));
  });

  it('never spans a clause break and gives up when too little matches', () => {
    const text = '无关节疼痛，无头痛';
    const spans = alignFindings(text, [f('关节疼痛'), f('头疼')]).map((a) => a && text.slice(a.start, a.end));
    expect(spans[0]).toBe('关节疼痛');
    expect(spans[1]).not.toContain('，');
    expect(alignFindings('咳嗽', [f('低度鳞状上皮内病变')])).toEqual([null]);
  });

  it('writes code-point offsets and maps tendencies, trailing spaces included', () => {
    const g = toGoldLine({ id: 3, text: '𠮷无发热，肝癌？', event: [
      { core_name: '发热', tendency: '否定', character: [], anatomy_list: [] },
      { core_name: '肝癌', tendency: '不确定 ', character: [], anatomy_list: [] },
    ] });
    expect(g.line.entities).toEqual([
      { start_pos: 2, end_pos: 4, label_type: 'SYMPTOM', assertion: 'ABSENT', aligned: 'exact' },
      { start_pos: 5, end_pos: 7, label_type: 'DISEASE', assertion: 'POSSIBLE', aligned: 'exact' },
    ]);
  });

  it('splits by a stable hash of the id', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i + 1);
    const dev = ids.filter(isDevId).length / ids.length;
    expect(dev).toBeGreaterThan(0.17);
    expect(dev).toBeLessThan(0.23);
    expect(ids.filter(isDevId)).toEqual(ids.filter((id) => isDevId(String(id))));
  });
});
