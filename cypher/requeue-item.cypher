// Undoes a FAILED outcome that was only Neo4j being away (the failure was recorded in the instant it came back):
// the item is QUEUED again with its text, and the job's counters and status are taken back, so the record is retried
// rather than failed for good.
MATCH (j:Job {id: $jobId})-[:HAS_ITEM]->(i:JobItem {id: $itemId})
WHERE i.status = 'FAILED'
SET i.status = 'QUEUED', i.text = $text, i.errorCode = null, i.errorMessage = null, i.finishedAt = null
SET j.done = j.done - 1, j.failed = j.failed - 1, j.status = 'RUNNING', j.finishedAt = null, j.updatedAt = $now
RETURN j.id AS id
