import { describe, expect, it } from 'vitest';
import { createPipeline, isStageFailure, type PipelineStage } from '../../src/pipeline/index.js';

const word: PipelineStage = {
  name: 'words', version: '1', requires: [], provides: ['entities'],
  run(doc) {
    doc.entities = [{ start: 0, end: 2, text: doc.text.slice(0, 2), label: 'x', type: 'SYMPTOM', confidence: 1 }];
  },
};
const deny: PipelineStage = {
  name: 'deny', version: '1', requires: ['entities'], provides: ['assertions'],
  run(doc) {
    doc.assertions = (doc.entities ?? []).map(() => ({ assertion: 'ABSENT', subject: 'FAMILY', cue: '无' }));
  },
};

describe('createPipeline', () => {
  it('runs stages in order, each reading what earlier ones wrote, and combines the layers', async () => {
    const p = createPipeline([word, deny]);
    expect(p.stages).toEqual([{ name: 'words', version: '1' }, { name: 'deny', version: '1' }]);
    const r = await p.run({ text: '发热', recordedAt: '2020-01-02' });
    expect(r.entities).toEqual([{ start: 0, end: 2, text: '发热', label: 'x', type: 'SYMPTOM', confidence: 1, assertion: 'ABSENT', subject: 'FAMILY', concept: null }]);
    expect(r.document.assertions?.[0]?.cue).toBe('无');
    expect([r.timexes, r.links, r.resolutions]).toEqual([[], [], []]);
  });

  it('reads absent layers neutrally: no assertion stage means PRESENT about the PATIENT, no concept', async () => {
    const r = await createPipeline([word]).run({ text: '咳嗽', recordedAt: '2020-01-02' });
    expect(r.entities[0]).toMatchObject({ assertion: 'PRESENT', subject: 'PATIENT', concept: null });
  });

  it('refuses at build time a stage whose layer no earlier stage provides, naming both', () => {
    expect(() => createPipeline([deny, word])).toThrow("stage 'deny' needs layer 'entities', which no earlier stage provides");
    expect(() => createPipeline([word, word])).toThrow("stage name 'words' used twice");
    expect(() => createPipeline([])).toThrow('expected at least one stage, got none');
  });

  it('names the failing stage and keeps the cause, without the cause message in its own', async () => {
    const boom: PipelineStage = { name: 'boom', version: '1', requires: [], provides: [], run: () => { throw new RangeError('secret text 发热'); } };
    const err = await createPipeline([word, boom]).run({ text: '发热', recordedAt: '2020-01-02' }).catch((e: unknown) => e);
    expect(isStageFailure(err)).toBe(true);
    expect(err).toMatchObject({ stage: 'boom', message: "pipeline stage 'boom' failed: RangeError" });
    expect((err as { cause: unknown }).cause).toBeInstanceOf(RangeError);
  });
});
