// Concepts whose last mention was replaced; run at start-up, when no record is being written.
MATCH (c:Concept)
WHERE NOT (c)<-[:MENTION_OF]-()
DETACH DELETE c
RETURN count(*) AS pruned
