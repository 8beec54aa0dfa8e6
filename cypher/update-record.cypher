// The record's accepted fields and extraction summary; moves it to another patient if its patientId changed.
MERGE (p:Patient {id: $patientId})
MERGE (r:Record {id: $recordId})
SET r.patientId = $patientId, r.kind = $kind, r.recordedAt = $recordedAt, r.text = $text, r.status = $status,
    r.entityCount = $entityCount, r.timexCount = $timexCount, r.modelName = $modelName,
    r.modelVersion = $modelVersion, r.processedAt = $now
WITH p, r
CALL (p, r) {
  OPTIONAL MATCH (old:Patient)-[h:HAS_RECORD]->(r)
  WHERE old <> p
  DELETE h
}
MERGE (p)-[:HAS_RECORD]->(r)
RETURN r.id AS id
