// Batch (DataLoader): every TIMEX of each record, ordered by offset.
UNWIND $ids AS id
MATCH (t:Timex {recordId: id})
RETURN t {.*} AS timex
ORDER BY t.recordId, t.start
