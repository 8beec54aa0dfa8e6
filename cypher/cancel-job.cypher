// cancelJob: every QUEUED item of an unfinished job, except those in flight ($keep item ids), becomes CANCELLED and
// drops its text; the job counts them in `cancelled` and becomes CANCELLED once nothing is left to finish (else the
// in-flight items finish it, see finish-items). A record that only the cancelled items were waiting for goes back to
// what it was: removed if it was never processed (and its patient if it has no other record), else DONE or FAILED.
// No row back: no such job, or it was already final.
// The job's write lock first (as finish-items takes it): an item a concurrent transaction is finishing is read after
// that transaction committed, so it is never both done and cancelled.
CALL () {
  MATCH (lj:Job {id: $jobId})
  SET lj._lock = true
  REMOVE lj._lock
}
MATCH (j:Job {id: $jobId})
WHERE j.finishedAt IS NULL
OPTIONAL MATCH (j)-[:HAS_ITEM]->(i:JobItem {status: 'QUEUED'})
WHERE NOT i.id IN $keep
WITH j, collect(i) AS items
FOREACH (i IN items | SET i.status = 'CANCELLED', i.text = null, i.finishedAt = $now)
SET j.cancelled = coalesce(j.cancelled, 0) + size(items), j.updatedAt = $now
SET j.status = CASE WHEN j.done + j.cancelled >= j.total THEN 'CANCELLED' ELSE j.status END,
    j.finishedAt = CASE WHEN j.done + j.cancelled >= j.total THEN $now ELSE null END
WITH j, items
CALL (items) {
  UNWIND items AS i
  MATCH (i)-[:FOR_RECORD]->(r:Record)
  WHERE NOT EXISTS { MATCH (r)<-[:FOR_RECORD]-(:JobItem {status: 'QUEUED'}) }
  WITH DISTINCT r
  OPTIONAL MATCH (p:Patient)-[:HAS_RECORD]->(r)
  WITH r, p, r.processedAt IS NULL AS unprocessed
  SET r.status = CASE WHEN r.modelName IS NULL THEN 'FAILED' ELSE 'DONE' END
  WITH r, p, unprocessed
  WHERE unprocessed
  DETACH DELETE r
  WITH DISTINCT p
  WHERE p IS NOT NULL AND NOT EXISTS { MATCH (p)-[:HAS_RECORD]->(:Record) }
  DETACH DELETE p
}
RETURN j.id AS id, size(items) AS cancelled
