// All TIMEX of one record in one statement.
MATCH (r:Record {id: $recordId})
UNWIND $timexes AS t
CREATE (x:Timex)
SET x = t
CREATE (r)-[:HAS_TIMEX]->(x)
RETURN count(x) AS created
