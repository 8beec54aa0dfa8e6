// Synthetic graphs (src/synth): mentions with everything the record pipeline would store on them (the properties
// of docs/graph-model.md), linked to their record, their Term and their standard Concept; thousands of rows per
// statement. Their records were just written (old mentions deleted) and their Terms MERGEd, so this only CREATEs.
// Offsets are stored as integers, as the pipeline stores them.
// $mentions: [{id, recordId, ..., termId, conceptId, ...}]
UNWIND $mentions AS row
MATCH (r:Record {id: row.recordId})
MATCH (t:Term {id: row.termId})
OPTIONAL MATCH (c:Concept {id: row.conceptId})
CREATE (m:Mention)
SET m = row, m.start = toInteger(row.start), m.end = toInteger(row.end)
CREATE (r)-[:HAS_MENTION]->(m)
CREATE (m)-[:MENTION_OF]->(t)
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (m)-[:CODED_AS]->(c))
