// Removes a record's mentions and TIMEX (with their links). Concepts stay; prune-orphan-concepts removes unused ones.
MATCH (r:Record {id: $recordId})
CALL (r) {
  MATCH (r)-[:HAS_MENTION]->(m:Mention)
  DETACH DELETE m
}
CALL (r) {
  MATCH (r)-[:HAS_TIMEX]->(t:Timex)
  DETACH DELETE t
}
RETURN r.id AS id
