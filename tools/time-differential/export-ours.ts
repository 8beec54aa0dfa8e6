/**
 * Writes, for every TIMEX our module finds in the marked suites (test/fixtures/time/external/*.tsv), one JSON line:
 * id, span, kind, value, approx and the resolved calendar interval. The differential script compares these with
 * other parsers. `npx tsx tools/time-differential/export-ours.ts > ours.jsonl`. Suite text only, no records.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMarkedFile } from '../../src/time/evaluate/marked-record.js';
import { analyseTime, resolveTimeline } from '../../src/time/index.js';

for (const part of ['tune', 'dev']) {
  const path = fileURLToPath(new URL(`../../test/fixtures/time/external/${part}.tsv`, import.meta.url));
  for (const r of parseMarkedFile(readFileSync(path, 'utf8'))) {
    const recordedAt = r.recordedAt ?? '';
    const { timexes, links } = analyseTime({ text: r.text, entities: [], recordedAt });
    const resolved = resolveTimeline({ recordedAt, timexes, links, entities: [] });
    timexes.forEach((t, i) => {
      const res = resolved[i];
      const line = {
        id: r.id, part, source: r.source, recordedAt, span: t.text, kind: t.kind, value: t.value, approx: t.approx,
        interval: res?.interval ? { start: res.interval.start, end: res.interval.end } : null,
        reason: res?.unresolvedReason ?? null,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  }
}
