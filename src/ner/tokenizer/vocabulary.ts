/**
 * `vocab.txt` → token ids. One token per line (split on `\n` only), id = 0-based line number; a trailing newline ends
 * the file. A duplicated line keeps its last id. Both rules copy `CharTokenizer.from_file` in models/train, so ids match.
 */
export interface Vocabulary {
  size: number;
  ids: ReadonlyMap<string, number>;
}

export function parseVocabulary(text: string): Vocabulary {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const ids = new Map<string, number>();
  lines.forEach((line, i) => ids.set(line, i));
  return { size: lines.length, ids };
}

/** Special tokens the tokeniser and the model input need. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[unused1]'] as const;

export interface SpecialIds {
  pad: number;
  unk: number;
  cls: number;
  sep: number;
  space: number;
}

/** Ids of the special tokens, or the list of those missing. */
export function findSpecialIds(vocab: Vocabulary): { ids: SpecialIds | null; missing: string[] } {
  const missing = SPECIAL_TOKENS.filter((t) => !vocab.ids.has(t));
  if (missing.length > 0) return { ids: null, missing };
  const get = (t: string): number => vocab.ids.get(t) as number;
  return { ids: { pad: get('[PAD]'), unk: get('[UNK]'), cls: get('[CLS]'), sep: get('[SEP]'), space: get('[unused1]') }, missing };
}
