// The token of the store a Neo4j serves (written by tools/neo4j-dev's Launcher into the store and into
// <store>/store-owner.token); the platform reuses a Neo4j already on its Bolt port only when the two match.
OPTIONAL MATCH (o:StoreOwner)
RETURN o.token AS token
LIMIT 1
