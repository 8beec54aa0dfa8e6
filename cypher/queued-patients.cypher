// Patients with records waiting in unfinished jobs, from which a multi-process deployment rebuilds its Redis queue
// tokens (src/queue: at a worker's start, and for jobs idle since $idleBefore, when a token was lost). Null: all.
MATCH (j:Job)-[:HAS_ITEM]->(i:JobItem {status: 'QUEUED'})
WHERE j.status IN ['QUEUED', 'RUNNING'] AND ($idleBefore IS NULL OR j.updatedAt < $idleBefore)
RETURN i.patientId AS patientId, collect(DISTINCT j.id) AS jobIds
