/**
 * Reads a concept index folder (index-format.ts): manifest, vocabulary, and the learnt diagnosis model when present.
 * Any missing or malformed part fails with CONCEPT_INDEX_LOAD_FAILED naming the file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NormaliseError } from './errors.js';
import {
  DIAGNOSIS_FILE, INDEX_FORMAT, MANIFEST_FILE, VOCABULARY_FILE, type DiagnosisData, type IndexManifest, type VocabularyData,
} from './index-format.js';

export interface IndexFiles {
  manifest: IndexManifest;
  vocabulary: VocabularyData;
  diagnosis: DiagnosisData | null;
}

export async function readIndexFolder(dir: string): Promise<IndexFiles> {
  const manifest = JSON.parse(await read(dir, MANIFEST_FILE, false)) as IndexManifest;
  if (manifest.format !== INDEX_FORMAT) {
    throw new NormaliseError('CONCEPT_INDEX_LOAD_FAILED', `${path.join(dir, MANIFEST_FILE)}: expected format ${INDEX_FORMAT}, got ${String(manifest.format)}`);
  }
  const vocabulary = JSON.parse(await read(dir, VOCABULARY_FILE, true)) as VocabularyData;
  const diagnosis = existsSync(path.join(dir, DIAGNOSIS_FILE)) ? (JSON.parse(await read(dir, DIAGNOSIS_FILE, true)) as DiagnosisData) : null;
  return { manifest, vocabulary, diagnosis };
}

async function read(dir: string, file: string, gzipped: boolean): Promise<string> {
  const where = path.join(dir, file);
  try {
    const bytes = await readFile(where);
    return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (err) {
    throw new NormaliseError('CONCEPT_INDEX_LOAD_FAILED', `concept index: cannot read ${where} (${(err as NodeJS.ErrnoException).code ?? (err as Error).name}); build it with tools/concept-index (see models/concepts/README.md)`, { cause: err });
  }
}
