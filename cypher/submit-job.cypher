// One submit call: the job, one QUEUED item per record (carrying the accepted text until it is processed),
// and a Patient/Record for records seen for the first time, so reads show them as QUEUED at once.
// An existing record keeps its stored text and extraction until the item is processed (then both are replaced).
CREATE (j:Job {id: $jobId, status: 'QUEUED', total: size($records), done: 0, failed: 0, entities: 0,
               createdAt: $now, updatedAt: $now})
WITH j
UNWIND $records AS rec
MERGE (p:Patient {id: rec.patientId})
MERGE (r:Record {id: rec.recordId})
  ON CREATE SET r.patientId = rec.patientId, r.kind = rec.kind, r.recordedAt = rec.recordedAt, r.text = rec.text,
                r.entityCount = 0, r.timexCount = 0
SET r.status = 'QUEUED', r.submittedAt = $now
MERGE (p)-[:HAS_RECORD]->(r)
CREATE (i:JobItem {id: $jobId + '/' + rec.recordId, jobId: $jobId, recordId: rec.recordId, seq: rec.seq,
                   patientId: rec.patientId, kind: rec.kind, recordedAt: rec.recordedAt, text: rec.text,
                   status: 'QUEUED', entities: 0})
CREATE (j)-[:HAS_ITEM]->(i)
CREATE (i)-[:FOR_RECORD]->(r)
RETURN count(i) AS items
