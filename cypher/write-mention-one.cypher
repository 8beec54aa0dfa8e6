// One mention per statement: the naive write path, kept only for the ingest bench's batched-vs-single comparison.
MATCH (r:Record {id: $recordId})
MERGE (c:Concept {id: $props.conceptId})
  ON CREATE SET c.type = $props.type, c.name = $conceptName
CREATE (m:Mention)
SET m = $props
CREATE (r)-[:HAS_MENTION]->(m)
CREATE (m)-[:MENTION_OF]->(c)
WITH m
OPTIONAL MATCH (x:Timex {id: $props.timexId})
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (m)-[:AT_TIME]->(x))
RETURN m.id AS id
