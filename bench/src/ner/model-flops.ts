import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelFolder } from '../../../src/ner/model-folder.js';
import { tokenize } from '../../../src/ner/tokenizer/tokenize.js';
import { planWindows } from '../../../src/ner/window.js';
import { countWeightFlops } from '../onnx/flops.js';
import { countChars } from './throughput.js';

/**
 * FLOPs the model spends per input character on given records: weight FLOPs per token (from the ONNX graph) times
 * the tokens actually run (windows' overlap, [CLS]/[SEP]), plus attention score/mixing FLOPs (4·w²·hidden per
 * attention layer and window of width w) from `config.json` `architecture` when present.
 */
export interface FlopsPerChar {
  flopsPerChar: number;
  weightFlopsPerToken: number;
  tokensPerChar: number;
  attentionFlopsPerChar: number;
  attentionSource: string;
  byOp: Record<string, number>;
}

interface Architecture {
  encoder?: { hidden_size?: number; num_hidden_layers?: number };
  headDim?: number;
  mha?: boolean;
}

export function flopsPerChar(folder: ModelFolder, texts: readonly string[]): FlopsPerChar {
  const weights = countWeightFlops(readFileSync(folder.onnxPath));
  const config = JSON.parse(readFileSync(path.join(folder.dir, 'config.json'), 'utf8')) as { architecture?: Architecture };
  const arch = config.architecture;
  // Σ over attention layers of the width each attends over: encoder layers at hidden size + the head's MHA.
  const attentionWidths: number[] = [];
  if (arch?.encoder?.hidden_size && arch.encoder.num_hidden_layers) {
    for (let l = 0; l < arch.encoder.num_hidden_layers; l++) attentionWidths.push(arch.encoder.hidden_size);
  }
  if (arch?.mha && arch.headDim) attentionWidths.push(arch.headDim);
  let tokens = 0;
  let attention = 0;
  let chars = 0;
  for (const text of texts) {
    chars += countChars(text);
    const n = tokenize(text, folder.vocab, folder.special).ids.length;
    for (const w of planWindows(n, folder.window.size, folder.window.overlap)) {
      const width = w.end - w.start + 2;
      tokens += width;
      for (const h of attentionWidths) attention += 4 * width * width * h;
    }
  }
  const tokensPerChar = chars === 0 ? 0 : tokens / chars;
  const attentionFlopsPerChar = chars === 0 ? 0 : attention / chars;
  return {
    flopsPerChar: weights.flopsPerToken * tokensPerChar + attentionFlopsPerChar,
    weightFlopsPerToken: weights.flopsPerToken,
    tokensPerChar,
    attentionFlopsPerChar,
    attentionSource:
      attentionWidths.length > 0
        ? `config.json architecture (${attentionWidths.length} attention layers)`
        : `not counted: config.json has no architecture; ${weights.activationMatMuls} activation×activation MatMuls in the graph`,
    byOp: weights.byOp,
  };
}
