/**
 * NER benchmark section: characters/s and per-record latency (p50/p99) at concurrency 1 and 8 on real CCKS records,
 * against PyTorch eager on the same records, fp32 vs int8, pool-size × intra-op-thread sweep, and FLOPs per
 * character against the peak of the kernels the served model runs, measured in the same run: the fp32 MatMul and the
 * int8 MatMulInteger (VNNI/AMX where present) through onnxruntime itself at n = 1024 and 2048 on 1 and all threads,
 * best of before and after the passes, the fp32 one cross-checked with numpy (OpenBLAS) when the venv has it. The
 * served model's fraction is taken against its own precision's peak (an int8 model against the int8 peak).
 *
 * Flags (or env): --model DIR (MODEL_DIR), --ner-data FILE (BENCH_NER_DATA; default
 * ../shared/data/ccks2019/subtask1_training_part1.txt, read in place, never copied into the repo), --ner-records N
 * (BENCH_NER_RECORDS, default 24), --quick (no sweep, no PyTorch), --pytorch-timeout SECONDS (default 900).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { EntityMention } from '../../src/domain/entity.js';
import { readCcksRecords } from '../../src/ner/evaluation/ccks-reader.js';
import { createNerEngine, loadModelFolder, type NerEngineOptions } from '../../src/ner/index.js';
import { flopsPerChar } from './ner/model-flops.js';
import { runPytorchBench, type PytorchResult } from './ner/pytorch.js';
import { measurePass, type PassResult } from './ner/throughput.js';
import { measureMatMulIntegerPeak, measureMatMulPeak, type MatMulPeak } from './onnx/matmul-peak.js';
import { numpyMatMulPeak } from './onnx/numpy-peak.js';
import { option, type BenchContext, type BenchSection, type SectionResult } from './section.js';

interface SweepPoint {
  poolSize: number;
  intraOpThreads: number;
  charsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

function findModel(ctx: BenchContext): { dir: string; note: string } | null {
  const asked = option(ctx, 'model', 'MODEL_DIR', '');
  if (asked) return { dir: path.resolve(ctx.repoRoot, asked), note: 'as given' };
  const real = path.join(ctx.repoRoot, 'models', 'ccks-union-hybrid');
  if (existsSync(path.join(real, 'config.json'))) return { dir: real, note: 'the served model' };
  const tiny = path.join(ctx.repoRoot, 'test', 'fixtures', 'tiny-model');
  if (existsSync(path.join(tiny, 'config.json'))) return { dir: tiny, note: 'models/ccks-union-hybrid absent: tiny random test model' };
  return null;
}

/** Span agreement (F1 of identical start/end/label) between two runs over the same records. */
function agreement(a: EntityMention[][], b: EntityMention[][]): number {
  let same = 0;
  let na = 0;
  let nb = 0;
  a.forEach((ea, i) => {
    const keys = new Set(ea.map((e) => `${e.start}:${e.end}:${e.label}`));
    const eb = b[i] ?? [];
    na += keys.size;
    nb += eb.length;
    for (const e of eb) if (keys.has(`${e.start}:${e.end}:${e.label}`)) same++;
  });
  return na + nb === 0 ? 1 : (2 * same) / (na + nb);
}

async function pass(options: NerEngineOptions, texts: string[], concurrencies: number[], collect?: EntityMention[][]): Promise<PassResult[]> {
  const engine = await createNerEngine({ ...options, log: () => undefined });
  try {
    await engine.extractMany(texts.slice(0, 2)); // warm-up: first-run allocations and graph caches
    const results: PassResult[] = [];
    for (const c of concurrencies) results.push(await measurePass(engine, texts, c, c === concurrencies[concurrencies.length - 1] ? collect : undefined));
    return results;
  } finally {
    await engine.close();
  }
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const model = findModel(ctx);
  const dataFile = path.resolve(ctx.repoRoot, option(ctx, 'ner-data', 'BENCH_NER_DATA', '../shared/data/ccks2019/subtask1_training_part1.txt'));
  const limit = Number(option(ctx, 'ner-records', 'BENCH_NER_RECORDS', '24'));
  const quick = ctx.flags.has('quick');
  if (!model) {
    const reason = 'no model folder (models/ccks-union-hybrid, test/fixtures/tiny-model or --model)';
    return { summary: { charsPerSecond: null, ratioVsPytorch: null, fractionOfPeak: null, reason }, markdown: `## NER\n\nSkipped: ${reason}.\n` };
  }
  const folder = await loadModelFolder(model.dir);
  const texts = readCcksRecords(readFileSync(dataFile, 'utf8')).slice(0, limit).map((r) => r.text);
  const cores = availableParallelism();
  const base: NerEngineOptions = { modelDir: folder.dir, executionProviders: ['cpu'] };
  ctx.log(`ner: ${texts.length} records from ${dataFile}, model ${folder.name} (${model.note})`);

  const peaks: MatMulPeak[] = [];
  const int8Peaks: MatMulPeak[] = [];
  const measurePeaks = async (): Promise<void> => {
    for (const n of [1024, 2048]) {
      for (const threads of [...new Set([1, cores])]) {
        peaks.push(await measureMatMulPeak(n, threads, n > 1024 ? 4 : 10));
        int8Peaks.push(await measureMatMulIntegerPeak(n, threads, n > 1024 ? 4 : 10));
      }
    }
  };
  await measurePeaks();

  // Headline: pool = cores, 1 intra-op thread each; concurrency 1 then 8.
  const fp32Entities: EntityMention[][] = [];
  // The fp32 graph explicitly (config.json may serve int8): fp32 vs int8 and the fp32 FLOP peak compare like with like.
  // A folder that ships only its int8 graph runs int8 here too, and says so (`headlinePrecision`).
  const fp32File = existsSync(path.join(folder.dir, 'model.onnx')) ? { onnxFile: 'model.onnx' } : {};
  const headlinePrecision = 'onnxFile' in fp32File ? 'fp32' : folder.precision;
  const [c1, c8] = (await pass({ ...base, ...fp32File, poolSize: cores, intraOpThreads: 1 }, texts, [1, 8], fp32Entities)) as [PassResult, PassResult];
  ctx.log(`ner: fp32 ${c8.charsPerSecond} chars/s at concurrency 8`);

  const sweep: SweepPoint[] = [{ poolSize: cores, intraOpThreads: 1, charsPerSecond: c8.charsPerSecond, latencyP50Ms: c8.latencyMs.p50, latencyP99Ms: c8.latencyMs.p99 }];
  if (!quick) {
    for (const poolSize of [...new Set([1, cores])]) {
      for (const intraOpThreads of [...new Set([1, cores])]) {
        if (poolSize === cores && intraOpThreads === 1) continue;
        const [r] = (await pass({ ...base, ...fp32File, poolSize, intraOpThreads }, texts, [8])) as [PassResult];
        sweep.push({ poolSize, intraOpThreads, charsPerSecond: r.charsPerSecond, latencyP50Ms: r.latencyMs.p50, latencyP99Ms: r.latencyMs.p99 });
        ctx.log(`ner: pool ${poolSize} × intra-op ${intraOpThreads}: ${r.charsPerSecond} chars/s`);
      }
    }
  }

  let int8: Record<string, unknown> = { available: false };
  let int8C8: PassResult | null = null;
  if (existsSync(path.join(folder.dir, 'model.int8.onnx'))) {
    const int8Entities: EntityMention[][] = [];
    const [r] = (await pass({ ...base, onnxFile: 'model.int8.onnx', poolSize: cores, intraOpThreads: 1 }, texts, [8], int8Entities)) as [PassResult];
    // Without an fp32 graph the headline pass ran int8 too: no fp32 comparison to report.
    const vsFp32 = headlinePrecision === 'fp32';
    int8 = {
      available: true, charsPerSecond: r.charsPerSecond, speedupVsFp32: vsFp32 ? r.charsPerSecond / c8.charsPerSecond : null,
      spanAgreementWithFp32: vsFp32 ? agreement(fp32Entities, int8Entities) : null, latencyMs: r.latencyMs,
    };
    int8C8 = r;
    ctx.log(`ner: int8 ${r.charsPerSecond} chars/s`);
  }

  const flops = flopsPerChar(folder, texts);
  // Peaks measured before and after the passes (best of each): on a shared box one moment's load would understate them.
  await measurePeaks();
  const peak = Math.max(...peaks.map((p) => p.flopsPerSecond));
  const int8Peak = Math.max(...int8Peaks.map((p) => p.flopsPerSecond));
  const numpy = quick ? null : await numpyMatMulPeak(ctx.repoRoot, 2048, cores);

  const pytorch: PytorchResult = quick
    ? { charsPerSecond: null, reason: '--quick' }
    : await runPytorchBench(ctx.repoRoot, folder.dir, texts, Number(option(ctx, 'pytorch-timeout', 'BENCH_PYTORCH_TIMEOUT', '900')) * 1000);
  // PyTorch runs records one after another (all cores to torch's intra-op pool): compare with our concurrency 8
  // (headline, what a server sees) and also with concurrency 1.
  // The headline is the variant config.json serves; PyTorch eager runs the same architecture in fp32.
  const served = folder.precision === 'int8' && int8C8 !== null ? int8C8 : c8;
  const servedPeak = folder.precision === 'int8' ? int8Peak : peak;
  const achieved = served.charsPerSecond * flops.flopsPerChar;
  const fractionOfPeak = servedPeak > 0 ? achieved / servedPeak : null;
  const ratioVsPytorch = pytorch.charsPerSecond !== null ? served.charsPerSecond / pytorch.charsPerSecond : null;
  const ratioVsPytorchConcurrency1 = pytorch.charsPerSecond !== null ? c1.charsPerSecond / pytorch.charsPerSecond : null;

  const summary = {
    model: { name: folder.name, version: folder.version, dir: path.relative(ctx.repoRoot, folder.dir), note: model.note, window: folder.window },
    data: { file: dataFile, records: texts.length, chars: c8.chars },
    charsPerSecond: served.charsPerSecond,
    servedPrecision: folder.precision,
    fp32CharsPerSecond: c8.charsPerSecond,
    headlinePrecision,
    ratioVsPytorch,
    ratioVsPytorchConcurrency1,
    fractionOfPeak,
    concurrency1: c1,
    concurrency8: c8,
    sweep,
    int8,
    pytorch,
    flops: { ...flops, achievedFlopsPerSecond: achieved },
    fractionOfFp32Peak: peak > 0 ? achieved / peak : null,
    peaks: { fp32: peak, int8: int8Peak, servedPrecision: folder.precision, numpyFp32: numpy },
    matmulPeak: peaks,
    matmulIntegerPeak: int8Peaks,
  };
  return { summary, markdown: markdown(summary, servedPeak) };
}

function markdown(s: {
  model: { name: string; note: string; window: { size: number; overlap: number } };
  data: { records: number; chars: number };
  concurrency1: PassResult;
  concurrency8: PassResult;
  sweep: SweepPoint[];
  int8: Record<string, unknown>;
  pytorch: PytorchResult;
  ratioVsPytorch: number | null;
  ratioVsPytorchConcurrency1: number | null;
  fractionOfPeak: number | null;
  fractionOfFp32Peak: number | null;
  headlinePrecision: string;
  servedPrecision: string;
  peaks: { fp32: number; int8: number; numpyFp32: { flopsPerSecond: number; n: number; threads: number } | { reason: string } | null };
  flops: { flopsPerChar: number; tokensPerChar: number; attentionSource: string; achievedFlopsPerSecond: number };
}, peak: number): string {
  const g = (x: number): string => `${(x / 1e9).toFixed(2)} GFLOP/s`;
  const lines = [
    '## NER',
    '',
    `Model ${s.model.name} (${s.model.note}), window ${s.model.window.size}/${s.model.window.overlap}; ${s.data.records} CCKS 2019 records, ${s.data.chars} characters.`,
    '',
    '| run | chars/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    `| ${s.headlinePrecision}, concurrency 1 | ${s.concurrency1.charsPerSecond} | ${s.concurrency1.latencyMs.p50} | ${s.concurrency1.latencyMs.p99} |`,
    `| ${s.headlinePrecision}, concurrency 8 | ${s.concurrency8.charsPerSecond} | ${s.concurrency8.latencyMs.p50} | ${s.concurrency8.latencyMs.p99} |`,
    ...s.sweep.slice(1).map((p) => `| pool ${p.poolSize} × intra-op ${p.intraOpThreads}, concurrency 8 | ${p.charsPerSecond} | ${p.latencyP50Ms} | ${p.latencyP99Ms} |`),
    s.int8['available'] ? `| int8, concurrency 8 | ${String(s.int8['charsPerSecond'])} | | |` : '| int8 | not available (no model.int8.onnx) | | |',
    '',
    `- vs PyTorch eager: ${s.ratioVsPytorch === null ? `n/a (${s.pytorch.charsPerSecond === null ? s.pytorch.reason : 'no result'})` : `${s.ratioVsPytorch.toFixed(2)}× at concurrency 8, ${(s.ratioVsPytorchConcurrency1 ?? 0).toFixed(2)}× at concurrency 1 (PyTorch ${Math.round(s.pytorch.charsPerSecond ?? 0)} chars/s, records in sequence)`}`,
    typeof s.int8['speedupVsFp32'] === 'number'
      ? `- int8 vs fp32: ${s.int8['speedupVsFp32'].toFixed(2)}× speed, span agreement ${((s.int8['spanAgreementWithFp32'] as number) * 100).toFixed(2)}%`
      : '- int8 vs fp32: not measured (the model folder ships no fp32 graph, model.onnx)',
    `- FLOPs/char ${(s.flops.flopsPerChar / 1e6).toFixed(2)} M (${s.flops.tokensPerChar.toFixed(3)} tokens/char; attention: ${s.flops.attentionSource})`,
    `- peaks through onnxruntime (best of n 1024/2048, 1/all threads, before and after): fp32 MatMul ${g(s.peaks.fp32)}, int8 MatMulInteger ${g(s.peaks.int8)}` +
      (s.peaks.numpyFp32 && 'flopsPerSecond' in s.peaks.numpyFp32 ? `; numpy fp32 cross-check ${g(s.peaks.numpyFp32.flopsPerSecond)}` : ''),
    `- served (${s.servedPrecision}) achieves ${g(s.flops.achievedFlopsPerSecond)}: ${s.fractionOfPeak === null ? 'n/a' : `${(s.fractionOfPeak * 100).toFixed(1)}%`} of the ${s.servedPrecision} peak ${g(peak)}` +
      `${s.servedPrecision === 'fp32' || s.fractionOfFp32Peak === null ? '' : ` (${(s.fractionOfFp32Peak * 100).toFixed(1)}% of the fp32 peak)`}`,
    '',
  ];
  return lines.join('\n');
}

export const nerBench: BenchSection = { name: 'ner', run };
