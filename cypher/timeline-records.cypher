// The kind and date of a patient's records, for the events of timeline.cypher (read in the same transaction).
MATCH (:Patient {id: $patientId})-[:HAS_RECORD]->(r:Record)
RETURN r.id AS id, r.kind AS kind, r.recordedAt AS recordedAt
