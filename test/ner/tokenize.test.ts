import { describe, expect, it } from 'vitest';
import { normalizeCodePoint, tokenize } from '../../src/ner/tokenizer/tokenize.js';
import { findSpecialIds, parseVocabulary } from '../../src/ner/tokenizer/vocabulary.js';

const vocab = parseVocabulary(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[unused1]', 'c', 't', '示', 'a', '1', '(', '𠮷', '!'].join('\n') + '\n');
const special = findSpecialIds(vocab).ids!;
const tokensOf = (text: string): string[] => {
  const names = [...vocab.ids.keys()];
  return [...tokenize(text, vocab, special).ids].map((id) => names[id] as string);
};

describe('tokenize', () => {
  it('folds full-width ASCII to half-width, lower-cases A–Z and maps unknown characters to [UNK]', () => {
    expect(tokensOf('ＣＴ示Ａ１（！')).toEqual(['c', 't', '示', 'a', '1', '(', '!']);
    expect(tokensOf('CT肺')).toEqual(['c', 't', '[UNK]']);
  });

  it('maps every contract whitespace (including U+3000 and U+FEFF) to [unused1]', () => {
    const spaces = '\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    expect(tokensOf(spaces)).toEqual(new Array(spaces.length).fill('[unused1]'));
    // Not whitespace by the contract: zero-width space, U+001C.
    expect(normalizeCodePoint(0x200b)).toBe(0x200b);
    expect(normalizeCodePoint(0x1c)).toBe(0x1c);
  });

  it('makes one token per code point and reports UTF-16 offsets (astral characters span two units)', () => {
    const text = 'a𠮷示😀c';
    const { ids, offsets } = tokenize(text, vocab, special);
    expect(ids.length).toBe(5);
    expect([...offsets]).toEqual([0, 1, 3, 4, 6, 7]);
    expect(tokensOf(text)).toEqual(['a', '𠮷', '示', '[UNK]', 'c']);
    expect(text.slice(offsets[1], offsets[2])).toBe('𠮷');
  });

  it('handles the empty string', () => {
    const { ids, offsets } = tokenize('', vocab, special);
    expect(ids.length).toBe(0);
    expect([...offsets]).toEqual([0]);
  });
});

describe('parseVocabulary', () => {
  it('uses 0-based line numbers, splits on \\n only and keeps the last id of a duplicate (as the Python loader)', () => {
    const v = parseVocabulary('[PAD]\r\nx\r\ny\nx\n');
    expect(v.size).toBe(4);
    expect(v.ids.get('[PAD]\r')).toBe(0);
    expect(v.ids.get('y')).toBe(2);
    expect(v.ids.get('x')).toBe(3);
  });

  it('lists missing special tokens', () => {
    expect(findSpecialIds(parseVocabulary('[PAD]\n[CLS]\n[SEP]\n')).missing).toEqual(['[UNK]', '[unused1]']);
  });
});
