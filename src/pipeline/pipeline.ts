/**
 * One ordered list of stages over one record document. Built once (the order is checked then: every layer a stage
 * needs is provided by an earlier one), run for every record by jobs, `extract` (API and CLI) and `ingest`, so a stage
 * added here shows up everywhere.
 *
 * @example
 *   const pipeline = createPipeline([nerStage(engine), therapyRulesStage(), assertionStage(), timeStage()]);
 *   const result = await pipeline.run({ text: '无发热', recordedAt: '2020-01-02' });
 *   result.entities[0]   // { text: '发热', type: 'SYMPTOM', assertion: 'ABSENT', subject: 'PATIENT', concept: null, ... }
 */
import type { AnnotatedMention } from '../domain/index.js';
import { newDocument, type Layer, type RecordDocument, type RecordInput, type TimeLayer } from './record-document.js';
import type { PipelineStage } from './stage.js';
import { StageFailure } from './stage-failure.js';

/** What the pipeline learnt about one record: every layer combined. */
export interface PipelineResult extends TimeLayer {
  entities: AnnotatedMention[];
  /** The document as the stages left it (for callers that want a raw layer, e.g. an assertion cue). */
  document: RecordDocument;
}

export interface StageInfo {
  name: string;
  version: string;
}

export interface Pipeline {
  readonly stages: readonly StageInfo[];
  run(input: RecordInput): Promise<PipelineResult>;
}

export function createPipeline(stages: readonly PipelineStage[]): Pipeline {
  checkOrder(stages);
  const info = Object.freeze(stages.map((s) => Object.freeze({ name: s.name, version: s.version })));
  return {
    stages: info,
    async run(input: RecordInput): Promise<PipelineResult> {
      const doc = newDocument(input);
      for (const stage of stages) {
        try {
          await stage.run(doc);
        } catch (error) {
          throw new StageFailure(stage.name, error);
        }
      }
      return combine(doc);
    },
  };
}

/**
 * The stages and their versions as one string, stored with each extraction.
 *
 * @example
 *   describePipeline(p)   // 'ner@ccks-union-hybrid@1.0.0 → rules@therapy-terms → assertion@1.0.0 → normalise@… → time@time-rules@2'
 */
export function describePipeline(pipeline: Pick<Pipeline, 'stages'>): string {
  return pipeline.stages.map((s) => `${s.name}@${s.version}`).join(' → ');
}

/** Fails at build time, naming the stage and the missing layer, so a misordered list never reaches a record. */
function checkOrder(stages: readonly PipelineStage[]): void {
  if (stages.length === 0) throw new TypeError('createPipeline: expected at least one stage, got none');
  const provided = new Set<Layer>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new TypeError(`createPipeline: stage name '${stage.name}' used twice`);
    names.add(stage.name);
    for (const layer of stage.requires) {
      if (!provided.has(layer)) {
        throw new TypeError(`createPipeline: stage '${stage.name}' needs layer '${layer}', which no earlier stage provides`);
      }
    }
    for (const layer of stage.provides) provided.add(layer);
  }
}

/** Absent layers get their neutral reading: no assertion stage → PRESENT/PATIENT, no normaliser → no concept. */
function combine(doc: RecordDocument): PipelineResult {
  const entities = (doc.entities ?? []).map((e, i): AnnotatedMention => {
    const meaning = doc.assertions?.[i];
    return {
      ...e,
      assertion: meaning?.assertion ?? 'PRESENT',
      subject: meaning?.subject ?? 'PATIENT',
      concept: doc.concepts?.[i] ?? null,
    };
  });
  const time = doc.time ?? { timexes: [], links: [], resolutions: [] };
  return { entities, timexes: time.timexes, links: time.links, resolutions: time.resolutions, document: doc };
}
