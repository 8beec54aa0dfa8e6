// Batch (DataLoader): every mention of each record, ordered by offset.
UNWIND $ids AS id
MATCH (m:Mention {recordId: id})
RETURN m {.*} AS mention
ORDER BY m.recordId, m.start
