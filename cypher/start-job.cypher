// QUEUED → RUNNING when the pipeline takes the job's first record.
MATCH (j:Job {id: $jobId})
WHERE j.status = 'QUEUED'
SET j.status = 'RUNNING', j.updatedAt = $now
RETURN j.id AS id
