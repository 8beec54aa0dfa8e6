// Marks a job as enqueued on a Redis queue (src/queue: its prefix), in the job's submit transaction, so that workers
// reconcile only their own queue's jobs (queued-patients.cypher). In-process jobs have no queue.
MATCH (j:Job {id: $jobId})
SET j.queue = $queue
RETURN j.id AS id
