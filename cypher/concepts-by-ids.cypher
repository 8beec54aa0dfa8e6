// Batch (DataLoader): one row per found standard concept, with its ancestors nearest first (IS_A path length).
UNWIND $ids AS id
MATCH (c:Concept {id: id})
OPTIONAL MATCH p = (c)-[:IS_A*1..8]->(a:Concept)
WITH c, a, length(p) AS depth
ORDER BY depth
WITH c, [x IN collect(a {.system, .code, .name}) WHERE x IS NOT NULL] AS ancestors
RETURN c.id AS id, c.system AS system, c.code AS code, c.name AS name, ancestors
