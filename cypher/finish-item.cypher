// Marks a job item finished and updates the job's counters and status, in the record's own transaction, so a record
// counts exactly once. No row back means the item was already finished: the caller rolls the transaction back.
MATCH (j:Job {id: $jobId})-[:HAS_ITEM]->(i:JobItem {id: $itemId})
WHERE i.status = 'QUEUED'
SET i.status = $status, i.entities = $entities, i.errorCode = $errorCode, i.errorMessage = $errorMessage,
    i.finishedAt = $now, i.text = null
SET j.done = j.done + 1,
    j.failed = j.failed + CASE WHEN $status = 'FAILED' THEN 1 ELSE 0 END,
    j.entities = j.entities + $entities,
    j.updatedAt = $now
WITH j
SET j.status = CASE
      WHEN j.done < j.total THEN 'RUNNING'
      WHEN j.failed = 0 THEN 'SUCCEEDED'
      WHEN j.failed = j.total THEN 'FAILED'
      ELSE 'PARTIAL' END,
    j.finishedAt = CASE WHEN j.done = j.total THEN $now ELSE null END
RETURN j.id AS id
