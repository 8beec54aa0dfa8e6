// Marks job items finished and updates their jobs' counters and status, in the records' own transaction, so a record
// counts exactly once. Only QUEUED items are finished; the rows back name them (per job), and an item missing from
// them was already finished (or cancelled): the caller writes nothing for it. A job with cancelled items ends
// CANCELLED when its last item in flight finishes. Items arrive sorted by job and item id (one lock order).
// Each job's write lock is taken first ($jobIds, sorted; the documented SET/REMOVE of a dummy property), so a
// concurrent cancel-job or finish-items of the same job waits for this transaction and the item statuses below are
// read after it committed: no item is ever counted both done and cancelled.
CALL () {
  UNWIND $jobIds AS jobId
  MATCH (lj:Job {id: jobId})
  SET lj._lock = true
  REMOVE lj._lock
}
UNWIND $items AS it
MATCH (j:Job {id: it.jobId})-[:HAS_ITEM]->(i:JobItem {id: it.itemId})
WHERE i.status = 'QUEUED'
SET i.status = it.status, i.entities = it.entities, i.errorCode = it.errorCode, i.errorMessage = it.errorMessage,
    i.finishedAt = $now, i.text = null
WITH j, collect(it) AS finished
SET j.done = j.done + size(finished),
    j.failed = j.failed + size([f IN finished WHERE f.status = 'FAILED']),
    j.entities = j.entities + reduce(n = 0, f IN finished | n + f.entities),
    j.updatedAt = $now
WITH j, finished, j.done + coalesce(j.cancelled, 0) AS settled
SET j.status = CASE
      WHEN settled < j.total THEN 'RUNNING'
      WHEN coalesce(j.cancelled, 0) > 0 THEN 'CANCELLED'
      WHEN j.failed = 0 THEN 'SUCCEEDED'
      WHEN j.failed = j.total THEN 'FAILED'
      ELSE 'PARTIAL' END,
    j.finishedAt = CASE WHEN settled >= j.total THEN $now ELSE null END
RETURN j.id AS id, [f IN finished | f.itemId] AS itemIds
