/**
 * A deterministic `EntityExtractor` (the pipeline's NER stage input) for graph and job tests: longest-match lookup in a small dictionary, so tests can
 * state exactly which entities a record yields. (Engine behaviour is tested in test/ner; one job test also runs the
 * real engine on a tiny ONNX model.) `failOn` makes extraction throw for texts containing that marker.
 *
 * @example
 *   await dictionaryNer().extract('行左乳癌改良根治术')   // [{ start: 1, end: 4, text: '左乳癌', type: 'DISEASE', ... }, ...]
 */
import type { EntityMention, EntityType } from '../../src/domain/entity.js';
import type { EntityExtractor } from '../../src/pipeline/index.js';

const DICTIONARY: ReadonlyArray<[string, EntityType, string]> = [
  ['左乳癌', 'DISEASE', '疾病和诊断'],
  ['乳腺癌', 'DISEASE', '疾病和诊断'],
  ['直肠癌', 'DISEASE', '疾病和诊断'],
  ['改良根治术', 'SURGERY', '手术'],
  ['根治术', 'SURGERY', '手术'],
  ['化疗', 'DRUG', '药物'],
  ['紫杉醇', 'DRUG', '药物'],
  ['CT', 'IMAGING', '影像检查'],
  ['血常规', 'LAB_TEST', '实验室检验'],
  ['左乳', 'ANATOMY', '解剖部位'],
  ['发热', 'SYMPTOM', '症状和体征'],
  ['卵巢癌', 'DISEASE', '疾病和诊断'],
];

export class TestNerError extends Error {
  override readonly name = 'TestNerError';
  readonly code = 'TEST_NER_FAILURE';
}

export function dictionaryNer(options: { failOn?: string; delayMs?: number } = {}): EntityExtractor {
  const words = [...DICTIONARY].sort((a, b) => b[0].length - a[0].length);
  return {
    model: { name: 'dictionary', version: 'test-1' },
    async extract(text: string): Promise<EntityMention[]> {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failOn !== undefined && text.includes(options.failOn)) throw new TestNerError('stub failure');
      const out: EntityMention[] = [];
      for (let i = 0; i < text.length; ) {
        const hit = words.find(([w]) => text.startsWith(w, i));
        if (hit) {
          out.push({ start: i, end: i + hit[0].length, text: hit[0], type: hit[1], label: hit[2], confidence: 0.9 });
          i += hit[0].length;
        } else i += 1;
      }
      return out;
    },
  };
}
