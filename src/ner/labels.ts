/**
 * The BIOES label scheme of a model, parsed once from `labels.json`.
 * `["O", "B-药物", "I-药物", "E-药物", "S-药物"]` → tags `[O, B, I, E, S]`, typeIndex `[-1, 0, 0, 0, 0]`, types `["药物"]`.
 */
export type BioesTag = 'O' | 'B' | 'I' | 'E' | 'S';

export interface LabelScheme {
  /** Full labels as in labels.json, index = CRF label index. */
  labels: string[];
  /** Tag letter of each label. */
  tags: BioesTag[];
  /** Index into `types` of each label; -1 for `O`. */
  typeIndex: number[];
  /** Entity labels (without the tag prefix) in order of first appearance, e.g. `疾病和诊断`. */
  types: string[];
}

const LABEL_PATTERN = /^([BIES])-(.+)$/u;

/**
 * Parses and checks a BIOES label list. Returns the problems found instead of throwing, so the model-folder loader can
 * report every inconsistency at once.
 */
export function parseLabelScheme(labels: readonly string[]): { scheme: LabelScheme; problems: string[] } {
  const problems: string[] = [];
  const tags: BioesTag[] = [];
  const typeIndex: number[] = [];
  const types: string[] = [];
  const seen = new Map<string, Set<BioesTag>>();
  labels.forEach((label, i) => {
    if (label === 'O') {
      tags.push('O');
      typeIndex.push(-1);
      return;
    }
    const match = LABEL_PATTERN.exec(label);
    if (!match) {
      problems.push(`label ${i} is '${label}', expected 'O' or B-/I-/E-/S-<type>`);
      tags.push('O');
      typeIndex.push(-1);
      return;
    }
    const tag = match[1] as BioesTag;
    const type = match[2] as string;
    let index = types.indexOf(type);
    if (index < 0) {
      index = types.length;
      types.push(type);
      seen.set(type, new Set());
    }
    const tagsOfType = seen.get(type) as Set<BioesTag>;
    if (tagsOfType.has(tag)) problems.push(`label '${label}' appears twice`);
    tagsOfType.add(tag);
    tags.push(tag);
    typeIndex.push(index);
  });
  if (!labels.includes('O')) problems.push("labels lack 'O'");
  for (const [type, present] of seen) {
    const missing = (['B', 'I', 'E', 'S'] as const).filter((t) => !present.has(t));
    if (missing.length > 0) problems.push(`type '${type}' lacks ${missing.map((t) => `${t}-${type}`).join(', ')}`);
  }
  return { scheme: { labels: [...labels], tags, typeIndex, types }, problems };
}
