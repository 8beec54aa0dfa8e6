// Newest first; keyset pagination on (createdAt, id). $limit is first + 1 to detect a next page.
MATCH (j:Job)
WHERE ($status IS NULL OR j.status = $status)
  AND ($afterCreatedAt IS NULL OR j.createdAt < $afterCreatedAt
       OR (j.createdAt = $afterCreatedAt AND j.id < $afterId))
WITH j ORDER BY j.createdAt DESC, j.id DESC LIMIT $limit
CALL (j) {
  OPTIONAL MATCH (j)-[:HAS_ITEM]->(i:JobItem {status: 'FAILED'})
  WITH i ORDER BY i.finishedAt, i.seq
  RETURN collect(i {.recordId, code: i.errorCode, message: i.errorMessage}) AS errors
}
RETURN j {.id, .status, .total, .done, .failed, .cancelled, .entities, .createdAt, .updatedAt, .finishedAt} AS job, errors
ORDER BY job.createdAt DESC, job.id DESC
