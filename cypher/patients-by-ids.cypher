// Batch (DataLoader): one row per found patient.
UNWIND $ids AS id
MATCH (p:Patient {id: id})
OPTIONAL MATCH (p)-[:HAS_RECORD]->(r:Record)
RETURN p.id AS id, count(r) AS recordCount, min(r.recordedAt) AS firstRecordedAt, max(r.recordedAt) AS lastRecordedAt
