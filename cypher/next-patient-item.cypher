// The next record of one patient for a worker of a multi-process deployment (src/queue): the patient's earliest
// QUEUED item of an unfinished job, by recordedAt, then job submission order, then position in the call: the order
// PatientQueue keeps inside one process. The caller holds the patient's lock, so nobody else takes it meanwhile.
MATCH (i:JobItem {status: 'QUEUED'})
WHERE i.patientId = $patientId
MATCH (j:Job {id: i.jobId})
WHERE j.finishedAt IS NULL
RETURN i {.jobId, .recordId, .seq, .patientId, .kind, .recordedAt, .text} AS item
ORDER BY i.recordedAt, j.createdAt, j.id, i.seq
LIMIT 1
