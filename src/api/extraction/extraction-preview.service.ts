/**
 * `extract` preview: the record pipeline over one text, nothing stored (src/pipeline `previewExtraction`; the CLI's
 * `extract` prints the same).
 *
 * Previews share the NER engine with jobs, so they get their own share of it: at most `concurrency` (default 1) run at
 * once, the others wait in this service's own first-come line. Without it (issue 18) previews from many requests
 * filled the engine's queue (`NER_QUEUE_FULL`) under a running job's records, and 12 long previews queued their
 * windows ahead of a 1-record job's, which then took 48 s instead of 0.2 s. Now a job record waits at most behind the
 * windows of the previews in flight, and the engine holds at most `concurrency` previews (≤ MAX_RECORD_CHARS each).
 *
 * @example
 *   await createPreviewService(pipeline).preview('患者无发热', '2020-01-02')   // entities: [{ text: '发热', assertion: 'ABSENT', ... }]
 */
import { previewExtraction, type RecordPipeline } from '../../pipeline/index.js';
import type { ExtractionPreviewNode } from './extraction.type.js';
import type { PreviewPort } from '../services.js';

export interface PreviewServiceOptions {
  /** Previews running at once; default 1. */
  concurrency?: number;
}

export function createPreviewService(pipeline: RecordPipeline, options: PreviewServiceOptions = {}): PreviewPort {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`createPreviewService: concurrency: expected a positive integer, got ${String(options.concurrency)}`);
  }
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else running -= 1;
  };
  return {
    preview: async (text: string, recordedAt: string): Promise<ExtractionPreviewNode> => {
      if (running < concurrency) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await previewExtraction(pipeline, text, recordedAt);
      } finally {
        release();
      }
    },
  };
}
