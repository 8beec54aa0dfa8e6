// Synthetic graphs (src/synth): the Terms (literal groupings) of a batch of mentions, before the mentions, so the
// mention statement only MATCHes them. $terms: [{id, type, name}], distinct.
UNWIND $terms AS row
MERGE (t:Term {id: row.id})
  ON CREATE SET t.type = row.type, t.name = row.name
