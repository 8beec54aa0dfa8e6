// Data migrations, run after schema.cypher at every start-up; each matches nothing on a store that is up to date.
// Stores written before mentions had a meaning (round 1): the literal groupings were `Concept` nodes without a
// `system`; they become Terms, and their mentions read as asserted facts of the patient until `oncotimeline reprocess`
// runs the current pipeline over them. Both statements match nothing on a current store.
MATCH (c:Concept) WHERE c.system IS NULL
SET c:Term
REMOVE c:Concept;
MATCH (m:Mention) WHERE m.termId IS NULL
SET m.termId = m.conceptId, m.conceptId = null, m.assertion = 'PRESENT', m.subject = 'PATIENT';
