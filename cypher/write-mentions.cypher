// All entity mentions of one record in one statement: mention, its Concept (shared across patients), its TIMEX link.
// Rows arrive sorted by conceptId so concurrent records lock concepts in the same order (fewer deadlock retries).
MATCH (r:Record {id: $recordId})
UNWIND $mentions AS row
MERGE (c:Concept {id: row.props.conceptId})
  ON CREATE SET c.type = row.props.type, c.name = row.conceptName
CREATE (m:Mention)
SET m = row.props
CREATE (r)-[:HAS_MENTION]->(m)
CREATE (m)-[:MENTION_OF]->(c)
WITH m, row
CALL (m, row) {
  MATCH (x:Timex {id: row.props.timexId})
  CREATE (m)-[:AT_TIME]->(x)
}
RETURN count(m) AS created
