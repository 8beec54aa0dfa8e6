import type { EntityType } from '../domain/index.js';
import type { CrfParams } from './crf/crf-params.js';
import type { HeadSpec } from './head-config.js';
import type { LabelScheme } from './labels.js';
import { parseCrf, parseLabelsFile, readJson, toPlatformType } from './model-files.js';

/**
 * One CRF head of a model folder: its ONNX output, label scheme and CRF, read from the files its `HeadSpec` names
 * and checked against each other. Every problem goes to `problems` (prefixed with the file or head it concerns).
 */
export interface ModelHead {
  name: string;
  /** ONNX output name: float32 [batch, length, scheme.labels.length]. */
  output: string;
  /** The labels file, named in messages about the emission width. */
  labelsFile: string;
  scheme: LabelScheme;
  crf: CrfParams;
  /** Platform type of each entry of `scheme.types`. */
  platformTypes: EntityType[];
  /** Labels (a subset of `scheme.types`) this head contributes to the served output. */
  serve: string[];
  /** Labels served by earlier heads that this head's served entities may contain (`merge-heads.ts`); default []. */
  nestOver: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

/**
 * @param configTypes config.json top-level `types`: for a folder without `heads` they describe its only head
 *   (compared in platform-type space, as before heads existed).
 */
export async function loadHead(dir: string, spec: HeadSpec, configTypes: unknown, problems: string[]): Promise<ModelHead> {
  const scheme = parseLabelsFile(await readJson(dir, spec.labelsFile), spec.labelsFile, problems);
  const platformTypes = scheme.types.map((t) => {
    const type = toPlatformType(t);
    if (!type) problems.push(`${spec.labelsFile}: type '${t}' has no platform type (src/domain/entity.ts LABEL_TO_TYPE)`);
    return type ?? 'DISEASE';
  });
  if (spec.implicit && Array.isArray(configTypes)) {
    const declared = configTypes.map((t) => toPlatformType(String(t)) ?? String(t));
    if (!sameSet(declared, platformTypes)) {
      problems.push(`config.json types ${JSON.stringify(configTypes)} do not match labels.json types ${JSON.stringify(scheme.types)}`);
    }
  }
  // Declared labels must be the file's exactly: serving and evaluation select by these strings.
  if (spec.types && !sameSet(spec.types, scheme.types)) {
    problems.push(`${spec.where} types ${JSON.stringify(spec.types)} do not match ${spec.labelsFile} types ${JSON.stringify(scheme.types)}`);
  }
  const types = spec.types ?? scheme.types;
  const serve = spec.serve ?? [...scheme.types];
  const foreign = serve.filter((l) => !types.includes(l));
  if (foreign.length > 0) {
    problems.push(`${spec.where} serve ${JSON.stringify(foreign)} not among the head's types ${JSON.stringify(types)}`);
  }
  const crf = parseCrf(await readJson(dir, spec.crfFile), scheme.labels.length, spec.crfFile, spec.labelsFile, problems);
  return { name: spec.name, output: spec.output, labelsFile: spec.labelsFile, scheme, crf, platformTypes, serve, nestOver: [...(spec.nestOver ?? [])] };
}

/**
 * Each head's `nestOver` names labels served by some earlier head (head 0's must be empty: `parseHeadsConfig` reports
 * that one, so it is skipped here).
 */
export function checkNestOver(heads: readonly ModelHead[], specs: readonly HeadSpec[], problems: string[]): void {
  const servedBefore = new Set<string>();
  heads.forEach((head, h) => {
    if (h > 0) {
      const foreign = head.nestOver.filter((l) => !servedBefore.has(l));
      if (foreign.length > 0) {
        problems.push(`${specs[h]?.where ?? head.name} nestOver ${JSON.stringify(foreign)} not served by an earlier head (served before it: ${JSON.stringify([...servedBefore])})`);
      }
    }
    for (const l of head.serve) servedBefore.add(l);
  });
}

/** The served labels: the union of every head's `serve`, in head order (config.json `types` of a multi-head folder). */
export function servedLabels(heads: readonly ModelHead[]): string[] {
  return [...new Set(heads.flatMap((h) => h.serve))];
}
