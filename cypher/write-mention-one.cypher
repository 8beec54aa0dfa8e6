// One mention per statement: the naive write path, kept only for the ingest bench's batched-vs-single comparison.
MATCH (r:Record {id: $recordId})
MERGE (t:Term {id: $props.termId})
  ON CREATE SET t.type = $props.type, t.name = $termName
CREATE (m:Mention)
SET m = $props
CREATE (r)-[:HAS_MENTION]->(m)
CREATE (m)-[:MENTION_OF]->(t)
WITH m
OPTIONAL MATCH (x:Timex {id: $props.timexId})
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (m)-[:AT_TIME]->(x))
WITH m
OPTIONAL MATCH (c:Concept {id: $props.conceptId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (m)-[:CODED_AS]->(c))
RETURN m.id AS id
