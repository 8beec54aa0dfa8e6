// Batch (DataLoader): one row per found record.
UNWIND $ids AS id
MATCH (r:Record {id: id})
RETURN r {.id, .patientId, .kind, .recordedAt, .text, .status, .entityCount, .timexCount, .modelName, .modelVersion,
          .pipeline, .processedAt} AS record
