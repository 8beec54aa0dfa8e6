// Batch (DataLoader): one row per found concept, with how often and for how many patients it is mentioned.
UNWIND $ids AS id
MATCH (c:Concept {id: id})
OPTIONAL MATCH (c)<-[:MENTION_OF]-(m:Mention)
RETURN c.id AS id, c.type AS type, c.name AS name, count(m) AS mentionCount, count(DISTINCT m.patientId) AS patientCount
