/**
 * `examples/queries.graphql` as GraphiQL tabs: one tab per operation, with the comments above it, so each example runs
 * with the run button alone. Variables are filled where the examples make sense of them: `Submit` gets one patient's
 * records from `examples/records.jsonl`; other required variables get an empty placeholder to fill in.
 *
 * @example
 *   exampleTabs('# a\nquery A { x }\n\nmutation B($r: [R!]!) { y }', [])
 *   // [{ query: '# a\nquery A { x }' }, { query: 'mutation B($r: [R!]!) { y }', variables: '{\n  "r": ""\n}' }]
 */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ExampleTab {
  query: string;
  variables?: string;
}

export function exampleTabs(document: string, records: readonly Record<string, unknown>[]): ExampleTab[] {
  const operations = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  let from = 0;
  return operations.map((operation) => {
    const to = operation.loc!.end;
    const query = document.slice(from, to).trim();
    from = to;
    const required = (operation.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE).map((v) => v.variable.name.value);
    if (required.length === 0) return { query };
    const variables = Object.fromEntries(required.map((name) => [name, name === 'records' && records.length > 0 ? records : '']));
    return { query, variables: JSON.stringify(variables, null, 2) };
  });
}

/** The records of the first patient in a JSON-lines file (a small, realistic `submitRecords` call). */
export function firstPatientRecords(jsonLines: string): Record<string, unknown>[] {
  const records = jsonLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return records.filter((r) => r['patientId'] === records[0]?.['patientId']);
}
