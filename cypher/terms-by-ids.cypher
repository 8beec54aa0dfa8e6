// Batch (DataLoader): one row per found term, with how often and for how many patients it is mentioned.
UNWIND $ids AS id
MATCH (t:Term {id: id})
OPTIONAL MATCH (t)<-[:MENTION_OF]-(m:Mention)
RETURN t.id AS id, t.type AS type, t.name AS name, count(m) AS mentionCount, count(DISTINCT m.patientId) AS patientCount
