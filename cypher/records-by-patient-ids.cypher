// Batch (DataLoader): every record of each patient, ordered by recordedAt then id.
UNWIND $ids AS id
MATCH (:Patient {id: id})-[:HAS_RECORD]->(r:Record)
RETURN id AS patientId,
       r {.id, .patientId, .kind, .recordedAt, .text, .status, .entityCount, .timexCount, .modelName, .modelVersion, .pipeline,
          .processedAt} AS record
ORDER BY r.recordedAt, r.id
