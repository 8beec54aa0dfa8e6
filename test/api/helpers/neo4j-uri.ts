/** The Neo4j the test run uses: `NEO4J_URI` (set by test/global-setup.ts, or by hand), else the default dev port. */
export function testNeo4jUri(): string {
  return process.env['NEO4J_URI'] ?? `bolt://127.0.0.1:${process.env['NEO4J_BOLT_PORT'] ?? '7687'}`;
}
