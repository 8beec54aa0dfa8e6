// Standard concepts and their IS_A edges (rows sorted by id: one lock order); used by the one-mention-per-statement
// bench path. replace-extraction writes the same rows inline.
CALL () {
  UNWIND $concepts AS c
  MERGE (n:Concept {id: c.id})
    ON CREATE SET n.system = c.system, n.code = c.code, n.name = c.name
}
CALL () {
  UNWIND $links AS l
  MATCH (a:Concept {id: l.child}), (b:Concept {id: l.parent})
  MERGE (a)-[:IS_A]->(b)
}
RETURN size($concepts) AS concepts
