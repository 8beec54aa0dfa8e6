import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMention } from '../../../src/domain/entity.js';
import { createNerEngine, type NerEngine } from '../../../src/ner/index.js';
import { addTherapyTerms, withTherapyTerms } from '../../../src/ner/rules/with-therapy-terms.js';

const mention = (text: string, start: number, end: number, label: string, type: EntityMention['type']): EntityMention =>
  ({ start, end, text: text.slice(start, end), label, type, confidence: 0.9 });

/** A fake extractor: returns fixed entities per text (no extractMany). */
function fake(byText: Record<string, EntityMention[]>) {
  return {
    model: { name: 'fake', version: '1' },
    calls: [] as string[],
    async extract(text: string): Promise<EntityMention[]> {
      this.calls.push(text);
      return byText[text] ?? [];
    },
  };
}

const rule = (text: string, start: number, end: number): EntityMention =>
  ({ start, end, text: text.slice(start, end), label: '治疗', type: 'TREATMENT', confidence: 1 });

describe('withTherapyTerms', () => {
  it('adds rule spans as 治疗/TREATMENT with confidence 1, sorted with the model entities', async () => {
    const text = '术后行奥沙利铂辅助化疗，复查CT';
    const drug = mention(text, 3, 7, '药物', 'DRUG');
    const ct = mention(text, 14, 16, '影像检查', 'IMAGING');
    const ner = withTherapyTerms(fake({ [text]: [drug, ct] }));
    expect(await ner.extract(text)).toEqual([drug, rule(text, 7, 11), ct]);
    expect(ner.model).toEqual({ name: 'fake', version: '1', rules: ['therapy-terms'] });
    expect('extractMany' in ner).toBe(false);
  });

  it('the model wins wherever a model entity shares a character with a term', async () => {
    const text = '行经肝动脉化疗栓塞术，后行化疗';
    const surgery = mention(text, 1, 10, '手术', 'SURGERY'); // contains 化疗栓塞
    const ner = withTherapyTerms(fake({
      [text]: [surgery],
      // one character shared at either end is enough
      '放疗化疗': [mention('放疗化疗', 1, 3, '手术', 'SURGERY')],
    }));
    expect(await ner.extract(text)).toEqual([surgery, rule(text, 13, 15)]);
    expect(await ner.extract('放疗化疗')).toEqual([mention('放疗化疗', 1, 3, '手术', 'SURGERY')]);
  });

  it('checks nested model output against every entity, not only the outermost', async () => {
    // a container that ends before the term, and an inner entity that reaches into it (start-sorted order)
    const text = '腹痛伴化疗后恶心';
    const outer = mention(text, 0, 2, '症状和体征', 'SYMPTOM');
    const inner = mention(text, 0, 1, '解剖部位', 'ANATOMY');
    const reaching = mention(text, 1, 4, '症状和体征', 'SYMPTOM'); // shares 化 with 化疗
    const nested = withTherapyTerms(fake({ [text]: [inner, outer, reaching] }));
    expect(await nested.extract(text)).toEqual([inner, outer, reaching]);
    // a long earlier container that reaches past a shorter later one
    const long = mention(text, 0, 4, '症状和体征', 'SYMPTOM'); // shares 化; the later entity ends earlier
    const short = mention(text, 1, 2, '解剖部位', 'ANATOMY');
    expect(await withTherapyTerms(fake({ [text]: [long, short] })).extract(text)).toEqual([long, short]);
    // nothing overlapping: added between
    const after = mention(text, 6, 8, '症状和体征', 'SYMPTOM');
    expect(await withTherapyTerms(fake({ [text]: [inner, outer, after] })).extract(text))
      .toEqual([inner, outer, rule(text, 3, 5), after]);
  });

  it('sorts by start, then end, and keeps model entities as they are (same objects)', () => {
    const text = '化疗放疗靶向治疗';
    const a = mention(text, 2, 4, '手术', 'SURGERY');
    const out = addTherapyTerms(text, [a]);
    expect(out).toEqual([rule(text, 0, 2), a, rule(text, 4, 8)]);
    expect(out[1]).toBe(a);
  });

  it('empty text', async () => {
    const f = fake({});
    const ner = withTherapyTerms(f);
    expect(await ner.extract('')).toEqual([]);
    expect(f.calls).toEqual(['']);
  });

  it('wraps extractMany when there is one, passes a head\'s own output through, appends to existing rules', async () => {
    const text = '行化疗';
    const base = {
      model: { name: 'm', version: '2', rules: ['other'] },
      async extract(): Promise<EntityMention[]> { return []; },
      async extractMany(texts: readonly string[]): Promise<EntityMention[][]> { return texts.map(() => []); },
    };
    const ner = withTherapyTerms(base);
    expect(ner.model.rules).toEqual(['other', 'therapy-terms']);
    expect(await ner.extractMany([text, ''])).toEqual([[rule(text, 1, 3)], []]);
    expect(await ner.extract(text, { head: 'ccks2017' })).toEqual([]);
    expect(await ner.extractMany([text], { head: 'ccks2017' })).toEqual([[]]);
  });
});

describe('withTherapyTerms on the real engine (test/fixtures/tiny-model)', () => {
  let engine: NerEngine;
  beforeAll(async () => {
    engine = await createNerEngine({ modelDir: 'test/fixtures/tiny-model', poolSize: 1, executionProviders: ['cpu'] });
  });
  afterAll(async () => {
    await engine.close();
  });

  const TEXTS = [
    '患者因直肠癌行根治术，术后行辅助化疗6周期，同步放化疗后复查CT。',
    '2019年3月行奥沙利铂化疗，复查胸部CT示肺结节。',
    '𠮷😀肝癌行TACE3次，射频消融治疗，后行靶向治疗及免疫治疗。',
    '热疗后', // this random model tags only 后 here, so the rule adds 热疗
    '',
  ];

  it('keeps every model entity unchanged and adds only non-overlapping rule spans', async () => {
    const ner = withTherapyTerms(engine);
    expect(ner.model).toEqual({ ...engine.model, rules: ['therapy-terms'] });
    const served = await ner.extractMany(TEXTS);
    const raw = await engine.extractMany(TEXTS);
    TEXTS.forEach((text, i) => {
      const model = raw[i]!;
      const out = served[i]!;
      const added = out.filter((e) => !model.some((m) => m.start === e.start && m.end === e.end));
      expect(out.filter((e) => !added.includes(e))).toEqual(model); // every model entity, unchanged, in order
      expect(out.length).toBe(model.length + added.length);
      for (const e of added) {
        expect(e).toMatchObject({ label: '治疗', type: 'TREATMENT', confidence: 1, text: text.slice(e.start, e.end) });
        expect(model.some((m) => m.start < e.end && m.end > e.start)).toBe(false);
      }
      for (let k = 1; k < out.length; k++) {
        const [p, c] = [out[k - 1]!, out[k]!];
        expect(p.start < c.start || (p.start === c.start && p.end <= c.end)).toBe(true);
      }
    });
    expect(await ner.extract(TEXTS[0]!)).toEqual(served[0]);
    expect(served[3]).toEqual([rule('热疗后', 0, 2), ...raw[3]!]);
  });
});
