// Marks a job item finished and updates the job's counters and status, in the record's own transaction, so a record
// counts exactly once. No row back means the item was already finished (or cancelled): the caller rolls the
// transaction back. A job with cancelled items ends CANCELLED when its last item in flight finishes.
MATCH (j:Job {id: $jobId})-[:HAS_ITEM]->(i:JobItem {id: $itemId})
WHERE i.status = 'QUEUED'
SET i.status = $status, i.entities = $entities, i.errorCode = $errorCode, i.errorMessage = $errorMessage,
    i.finishedAt = $now, i.text = null
SET j.done = j.done + 1,
    j.failed = j.failed + CASE WHEN $status = 'FAILED' THEN 1 ELSE 0 END,
    j.entities = j.entities + $entities,
    j.updatedAt = $now
WITH j, j.done + coalesce(j.cancelled, 0) AS settled
SET j.status = CASE
      WHEN settled < j.total THEN 'RUNNING'
      WHEN coalesce(j.cancelled, 0) > 0 THEN 'CANCELLED'
      WHEN j.failed = 0 THEN 'SUCCEEDED'
      WHEN j.failed = j.total THEN 'FAILED'
      ELSE 'PARTIAL' END,
    j.finishedAt = CASE WHEN settled >= j.total THEN $now ELSE null END
RETURN j.id AS id
