// Replaces one record's accepted fields and whole extraction in ONE statement (one round trip, UNWIND batches):
// moves the record to its patient, deletes its old mentions and TIMEX, creates the new TIMEX, then the mentions with
// their Concept (shared across patients) and AT_TIME link. Concepts left without mentions are kept (see
// docs/graph-model.md). Mention rows arrive sorted by conceptId so concurrent records lock Concepts in one order.
MERGE (p:Patient {id: $patientId})
MERGE (r:Record {id: $recordId})
SET r.patientId = $patientId, r.kind = $kind, r.recordedAt = $recordedAt, r.text = $text, r.status = 'DONE',
    r.entityCount = size($mentions), r.timexCount = size($timexes), r.modelName = $modelName,
    r.modelVersion = $modelVersion, r.processedAt = $now
WITH p, r
CALL (p, r) {
  OPTIONAL MATCH (old:Patient)-[h:HAS_RECORD]->(r)
  WHERE old <> p
  DELETE h
}
MERGE (p)-[:HAS_RECORD]->(r)
WITH r
CALL (r) {
  MATCH (r)-[:HAS_MENTION]->(m:Mention)
  DETACH DELETE m
}
CALL (r) {
  MATCH (r)-[:HAS_TIMEX]->(t:Timex)
  DETACH DELETE t
}
CALL (r) {
  UNWIND $timexes AS t
  CREATE (x:Timex)
  SET x = t
  CREATE (r)-[:HAS_TIMEX]->(x)
}
CALL (r) {
  UNWIND $mentions AS row
  MERGE (c:Concept {id: row.props.conceptId})
    ON CREATE SET c.type = row.props.type, c.name = row.conceptName
  CREATE (m:Mention)
  SET m = row.props
  CREATE (r)-[:HAS_MENTION]->(m)
  CREATE (m)-[:MENTION_OF]->(c)
  WITH m, row
  WHERE row.props.timexId IS NOT NULL
  MATCH (x:Timex {id: row.props.timexId})
  CREATE (m)-[:AT_TIME]->(x)
}
RETURN r.id AS id
