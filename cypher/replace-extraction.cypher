// Replaces one record's accepted fields and whole extraction in ONE statement (one round trip, UNWIND batches):
// moves the record to its patient, deletes its old mentions and TIMEX, creates the new TIMEX, MERGEs the standard
// Concepts the mentions are coded as (with their IS_A ancestry), then the mentions with their Term (literal grouping,
// shared across patients), CODED_AS and AT_TIME links. Terms left without mentions are kept (see docs/graph-model.md).
// Concept and mention rows arrive sorted by id so concurrent records lock shared nodes in one order.
MERGE (p:Patient {id: $patientId})
MERGE (r:Record {id: $recordId})
SET r.patientId = $patientId, r.kind = $kind, r.recordedAt = $recordedAt, r.text = $text, r.status = 'DONE',
    r.entityCount = size($mentions), r.timexCount = size($timexes), r.modelName = $modelName,
    r.modelVersion = $modelVersion, r.pipeline = $pipeline, r.processedAt = $now
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
CALL () {
  UNWIND $concepts AS c
  MERGE (n:Concept {id: c.id})
    ON CREATE SET n.system = c.system, n.code = c.code, n.name = c.name
}
CALL () {
  UNWIND $links AS l
  MATCH (a:Concept {id: l.child}), (b:Concept {id: l.parent})
  MERGE (a)-[:IS_A]->(b)
}
CALL (r) {
  UNWIND $mentions AS row
  MERGE (t:Term {id: row.props.termId})
    ON CREATE SET t.type = row.props.type, t.name = row.termName
  CREATE (m:Mention)
  SET m = row.props
  CREATE (r)-[:HAS_MENTION]->(m)
  CREATE (m)-[:MENTION_OF]->(t)
  WITH m, row
  OPTIONAL MATCH (c:Concept {id: row.props.conceptId})
  FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (m)-[:CODED_AS]->(c))
  WITH m, row
  WHERE row.props.timexId IS NOT NULL
  MATCH (x:Timex {id: row.props.timexId})
  CREATE (m)-[:AT_TIME]->(x)
}
RETURN r.id AS id
