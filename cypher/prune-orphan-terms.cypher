// Terms whose last mention was replaced; run at start-up, when no record is being written. Standard Concepts are
// vocabulary, shared and small: they stay.
MATCH (t:Term)
WHERE NOT (t)<-[:MENTION_OF]-()
DETACH DELETE t
RETURN count(*) AS pruned
