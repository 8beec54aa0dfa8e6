import { describe, expect, it } from 'vitest';
import { segmentText } from '../../web/src/viewer/text-highlight.js';

describe('segmentText', () => {
  it('cuts the text at the entity and its time expression, covering it end to end', () => {
    const text = '2018-03-13在全麻下行左乳癌改良根治术，术后口服来曲唑。';
    const segments = segmentText(text, [
      { start: 15, end: 23, kind: 'entity' },
      { start: 0, end: 10, kind: 'timex' },
    ]);
    expect(segments).toEqual([
      { text: '2018-03-13', kinds: ['timex'] },
      { text: '在全麻下行', kinds: [] },
      { text: '左乳癌改良根治术', kinds: ['entity'] },
      { text: '，术后口服来曲唑。', kinds: [] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('uses UTF-16 offsets, as the API does, around characters outside the BMP', () => {
    // '𠮷' is one code point but two UTF-16 units: the entity after it starts at 3, not 2.
    const text = '𠮷患者发热';
    expect(segmentText(text, [{ start: 4, end: 6, kind: 'entity' }])).toEqual([
      { text: '𠮷患者', kinds: [] },
      { text: '发热', kinds: ['entity'] },
    ]);
  });

  it('gives overlapping marks a run with both kinds', () => {
    expect(segmentText('术后2年复查', [{ start: 0, end: 4, kind: 'timex' }, { start: 0, end: 1, kind: 'entity' }])).toEqual([
      { text: '术', kinds: ['timex', 'entity'] },
      { text: '后2年', kinds: ['timex'] },
      { text: '复查', kinds: [] },
    ]);
  });

  it('returns the whole text as one plain run without marks, and nothing for empty text', () => {
    expect(segmentText('无', [])).toEqual([{ text: '无', kinds: [] }]);
    expect(segmentText('', [])).toEqual([]);
  });
});
