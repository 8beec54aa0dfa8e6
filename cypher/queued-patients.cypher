// Patients with records waiting in unfinished jobs, from which a multi-process deployment rebuilds its Redis queue
// tokens (src/queue): at a worker's start ($idleBefore null) and, periodically, for jobs idle since $idleBefore (a lost
// token). Only jobs enqueued on this queue ($queue), and in-process jobs (no queue) idle since $orphanBefore, which no
// single process is running any more (a deployment that moved from one process to several).
MATCH (j:Job)-[:HAS_ITEM]->(i:JobItem {status: 'QUEUED'})
WHERE j.status IN ['QUEUED', 'RUNNING']
  AND ((j.queue = $queue AND ($idleBefore IS NULL OR j.updatedAt < $idleBefore))
       OR (j.queue IS NULL AND j.updatedAt < $orphanBefore))
RETURN i.patientId AS patientId, collect(DISTINCT j.id) AS jobIds
