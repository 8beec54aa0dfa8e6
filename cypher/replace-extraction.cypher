// Replaces the accepted fields and whole extraction of one or more records in ONE statement (group commit: the job
// runner writes several finished records per transaction). MERGEs the standard Concepts the mentions are coded as
// (with their IS_A ancestry) once for the batch, then for each record: moves it to its patient, deletes its old
// mentions and TIMEX, creates the new TIMEX, then the mentions with their Term (literal grouping, shared across
// patients), CODED_AS and AT_TIME links. Terms left without mentions are kept (see docs/graph-model.md).
// Concept rows and each record's mention rows arrive sorted by id, so concurrent writers lock shared nodes in one order.
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
UNWIND $records AS rec
CALL (rec) {
  MERGE (p:Patient {id: rec.patientId})
  MERGE (r:Record {id: rec.recordId})
  SET r.patientId = rec.patientId, r.kind = rec.kind, r.recordedAt = rec.recordedAt, r.text = rec.text,
      r.status = 'DONE', r.entityCount = size(rec.mentions), r.timexCount = size(rec.timexes),
      r.modelName = rec.modelName, r.modelVersion = rec.modelVersion, r.pipeline = rec.pipeline, r.processedAt = $now
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
  CALL (r, rec) {
    UNWIND rec.timexes AS t
    CREATE (x:Timex)
    SET x = t
    CREATE (r)-[:HAS_TIMEX]->(x)
  }
  CALL (r, rec) {
    UNWIND rec.mentions AS row
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
}
RETURN id
