/**
 * `extract` preview: the record pipeline over one text, nothing stored (src/pipeline `previewExtraction`; the CLI's
 * `extract` prints the same).
 *
 * @example
 *   await createPreviewService(pipeline).preview('患者无发热', '2020-01-02')   // entities: [{ text: '发热', assertion: 'ABSENT', ... }]
 */
import { previewExtraction, type RecordPipeline } from '../pipeline/index.js';
import type { ExtractionPreviewNode } from './extraction.type.js';
import type { PreviewPort } from './services.js';

export function createPreviewService(pipeline: RecordPipeline): PreviewPort {
  return {
    preview: (text: string, recordedAt: string): Promise<ExtractionPreviewNode> => previewExtraction(pipeline, text, recordedAt),
  };
}
