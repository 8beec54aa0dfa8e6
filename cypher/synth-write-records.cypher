// Synthetic graphs (src/synth): records and their patients, thousands of rows per statement. MERGE by id and the
// record's old mentions deleted, so writing the same seed again replaces the records instead of duplicating them
// (as re-submitting a record replaces its extraction).
// $records: [{id, patientId, kind, recordedAt, text, entityCount, modelName, modelVersion, processedAt, pipeline}]
UNWIND $records AS row
MERGE (p:Patient {id: row.patientId})
MERGE (r:Record {id: row.id})
SET r += row, r.status = 'DONE', r.entityCount = toInteger(row.entityCount), r.timexCount = 0,
    r.submittedAt = row.processedAt
MERGE (p)-[:HAS_RECORD]->(r)
WITH r
CALL (r) {
  MATCH (r)-[:HAS_MENTION]->(old:Mention)
  DETACH DELETE old
}
