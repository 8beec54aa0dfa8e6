import { describe, expect, it } from 'vitest';
import { findTherapyTerms } from '../../../src/ner/rules/therapy-terms.js';

const texts = (text: string): string[] => findTherapyTerms(text).map((t) => t.text);

describe('findTherapyTerms', () => {
  it('finds modality terms with UTF-16 offsets, sorted and non-overlapping', () => {
    const text = '2019年行左乳癌改良根治术，术后化疗6周期，放疗25次，后行内分泌治疗及靶向治疗。';
    const spans = findTherapyTerms(text);
    expect(spans.map((s) => s.text)).toEqual(['化疗', '放疗', '内分泌治疗', '靶向治疗']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it.each([
    ['免疫治疗2周期', '免疫治疗'],
    ['行生物治疗', '生物治疗'],
    ['行介入治疗', '介入治疗'],
    ['行消融治疗', '消融治疗'],
    ['行射频消融', '射频消融'],
    ['行射频消融治疗', '射频消融治疗'],
    ['行微波消融术', '微波消融'],
    ['行热疗', '热疗'],
    ['行125I粒子植入术', '粒子植入'],
    ['伽马刀治疗', '伽马刀治疗'],
    ['伽玛刀', '伽玛刀'],
    ['行质子治疗', '质子治疗'],
    ['行质子重离子治疗', '质子重离子治疗'],
    ['行异基因造血干细胞移植', '造血干细胞移植'],
    ['放射治疗', '放射治疗'],
    ['化学药物治疗', '化学药物治疗'],
    ['术后行放、化疗', '放、化疗'],
    ['肝动脉化疗栓塞术', '化疗栓塞'],
  ])('%s → %s', (text, term) => {
    expect(texts(text)).toEqual([term]);
  });

  it('keeps a role modifier written directly before the term, one at most; not 术前/术后', () => {
    expect(texts('行新辅助化疗')).toEqual(['新辅助化疗']);
    expect(texts('术后辅助化疗')).toEqual(['辅助化疗']);
    expect(texts('行同步放化疗')).toEqual(['同步放化疗']);
    expect(texts('姑息化疗；姑息性放疗；序贯放疗；维持治疗')).toEqual(['姑息化疗', '姑息性放疗', '序贯放疗']);
    expect(texts('新辅助同步放化疗')).toEqual(['同步放化疗']);
    expect(texts('术前放疗，术后化疗')).toEqual(['放疗', '化疗']);
    expect(texts('辅助射频消融')).toEqual(['射频消融']); // modifiers only for systemic / radiation terms
  });

  it('a following word is not part of the span', () => {
    expect(findTherapyTerms('化疗后3周')).toEqual([{ start: 0, end: 2, text: '化疗' }]);
    expect(texts('放疗期间出现恶心')).toEqual(['放疗']);
    expect(texts('末次化疗距今3周')).toEqual(['化疗']);
  });

  it('excludes drugs, departments, staff, devices and complications named after a treatment', () => {
    expect(texts('化疗药物为奥沙利铂，化疗药')).toEqual([]);
    expect(texts('靶向治疗药物')).toEqual([]);
    expect(texts('转入放疗科，肿瘤化疗科，放疗中心，化疗病房，放疗师')).toEqual([]);
    expect(texts('置入化疗泵，化疗港')).toEqual([]);
    expect(texts('放疗性肠炎')).toEqual([]);
    // no shorter match at the same start: the whole word is a department
    expect(texts('射频消融治疗科')).toEqual([]);
  });

  it('does not read a term across a word boundary (恶化|疗效, 发热|疗程)', () => {
    expect(texts('病情恶化疗效差')).toEqual([]);
    expect(texts('退热疗效不佳，发热疗程长')).toEqual([]);
    expect(texts('化疗疗效评价PR')).toEqual(['化疗']);
    expect(texts('规范化疗')).toEqual(['化疗']);
  });

  it('matches ASCII terms case-insensitively with word boundaries (a count may follow)', () => {
    expect(texts('行TACE3次，tace术，Tace治疗，ＴＡＣＥ')).toEqual(['TACE', 'tace', 'Tace', 'ＴＡＣＥ']);
    expect(texts('cTACE，TACEX，2TACE，TACE_1')).toEqual([]);
    expect(texts('DEB-TACE')).toEqual(['TACE']);
    expect(texts('行HAIC，HIFU')).toEqual(['HAIC', 'HIFU']);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '𠮷😀行化疗，𠮷TACE';
    expect(findTherapyTerms(text)).toEqual([
      { start: 5, end: 7, text: '化疗' },
      { start: 10, end: 14, text: 'TACE' },
    ]);
  });

  it('still finds negated mentions (negation is not handled anywhere)', () => {
    expect(texts('未行化疗')).toEqual(['化疗']);
  });

  it('empty and term-free text', () => {
    expect(findTherapyTerms('')).toEqual([]);
    expect(findTherapyTerms('复查血常规、胸部CT')).toEqual([]);
  });
});
