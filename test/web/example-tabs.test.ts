import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleTabs, firstPatientRecords } from '../../web/src/graphiql/example-tabs.js';

const read = (file: string): string => readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');

describe('GraphiQL example tabs', () => {
  it('makes one tab per operation of a document, with the comments above each', () => {
    const tabs = exampleTabs('# about A\nquery A { x }\n\n# B needs r\nmutation B($r: [R!]!, $o: Int) { y }\n', []);
    expect(tabs).toEqual([
      { query: '# about A\nquery A { x }' },
      { query: '# B needs r\nmutation B($r: [R!]!, $o: Int) { y }', variables: '{\n  "r": ""\n}' },
    ]);
  });

  it('preloads every example of examples/queries.graphql, Submit with the first patient of records.jsonl', () => {
    const records = firstPatientRecords(read('records.jsonl'));
    expect(new Set(records.map((r) => r['patientId']))).toEqual(new Set(['P001']));
    const tabs = exampleTabs(read('queries.graphql'), records);
    expect(tabs.length).toBe((read('queries.graphql').match(/^(query|mutation|subscription) /gm) ?? []).length);
    const submit = tabs.find((t) => t.query.includes('mutation Submit'))!;
    expect(JSON.parse(submit.variables!)).toEqual({ records });
  });
});
