// Job views with their record errors (from FAILED items, in failure order).
UNWIND $ids AS id
MATCH (j:Job {id: id})
CALL (j) {
  OPTIONAL MATCH (j)-[:HAS_ITEM]->(i:JobItem {status: 'FAILED'})
  WITH i ORDER BY i.finishedAt, i.seq
  RETURN collect(i {.recordId, code: i.errorCode, message: i.errorMessage}) AS errors
}
RETURN j {.id, .status, .total, .done, .failed, .cancelled, .entities, .createdAt, .updatedAt, .finishedAt} AS job, errors
