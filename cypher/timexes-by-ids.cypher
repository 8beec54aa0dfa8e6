// Batch (DataLoader): one row per found TIMEX.
UNWIND $ids AS id
MATCH (t:Timex {id: id})
RETURN t {.*} AS timex
