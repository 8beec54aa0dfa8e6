import type { EntityMention } from '../../../src/domain/entity.js';
import type { NerEngine } from '../../../src/ner/index.js';

/** Throughput and per-record latency of one pass over the records at a given concurrency. */
export interface PassResult {
  concurrency: number;
  records: number;
  chars: number;
  seconds: number;
  charsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Code points, the unit CCKS offsets and characters/s use. */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; n++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return n;
}

/** Feeds `texts` through `engine` with `concurrency` lanes; latency = submit → entities, per record. */
export async function measurePass(
  engine: NerEngine,
  texts: readonly string[],
  concurrency: number,
  /** Filled with each record's entities when given (for fp32 vs int8 agreement). */
  collect?: EntityMention[][],
): Promise<PassResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < texts.length) {
      const i = next++;
      const t = performance.now();
      const entities = await engine.extract(texts[i] as string);
      latencies.push(performance.now() - t);
      if (collect) collect[i] = entities;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, lane));
  const seconds = (performance.now() - started) / 1000;
  const chars = texts.reduce((s, t) => s + countChars(t), 0);
  latencies.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    concurrency,
    records: texts.length,
    chars,
    seconds: Math.round(seconds * 1000) / 1000,
    charsPerSecond: Math.round(chars / seconds),
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1] ?? 0) },
  };
}
