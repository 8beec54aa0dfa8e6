// Batch (DataLoader): every mention of each record, ordered by offset; timexId from the AT_TIME link.
UNWIND $ids AS id
MATCH (m:Mention {recordId: id})
OPTIONAL MATCH (m)-[:AT_TIME]->(x:Timex)
RETURN m {.*, timexId: x.id} AS mention
ORDER BY m.recordId, m.start
