// Unfinished work after a restart: every QUEUED item of a job that is not final, oldest job first.
MATCH (j:Job)-[:HAS_ITEM]->(i:JobItem {status: 'QUEUED'})
WHERE j.status IN ['QUEUED', 'RUNNING']
RETURN i {.jobId, .recordId, .seq, .patientId, .kind, .recordedAt, .text} AS item, j.createdAt AS jobCreatedAt
ORDER BY j.createdAt, i.seq
