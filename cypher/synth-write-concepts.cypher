// Synthetic graphs (src/synth): the standard concepts the mentions are coded as, with their IS_A edges.
// Same shape and MERGE semantics as the record pipeline's (replace-extraction.cypher), so both can share concepts.
// $concepts: [{id, system, code, name, parentId}], parentId null at the top of a chain.
CALL () {
  UNWIND $concepts AS c
  MERGE (n:Concept {id: c.id})
    ON CREATE SET n.system = c.system, n.code = c.code, n.name = c.name
}
CALL () {
  UNWIND $concepts AS c
  WITH c WHERE c.parentId IS NOT NULL
  MATCH (a:Concept {id: c.id}), (b:Concept {id: c.parentId})
  MERGE (a)-[:IS_A]->(b)
}
