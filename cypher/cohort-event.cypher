// Cohort: one event criterion. A patient matches when ONE of their mentions matches every given filter.
// A template, compiled by src/cohort/compile-criteria.ts: a line tagged `//?name` is kept only when `name` is set
// (`//?!name`: only when it is not), and every `$parameter` but `$patientIds` gets the criterion's prefix (`$c3_type`).
// concept: the mention is coded as the concept or any descendant (C50 finds C50.9), the concept named by its code
// or its standard name. Modes: `patients` (distinct patient ids), `first`/`then` (a sequence side: day numbers of
// the mention's interval), `mentions` (the matching mentions of the patients in $patientIds, for exports).
MATCH (root:Concept) WHERE root.code = $concept OR root.name = $concept //?concept
MATCH (m:Mention)-[:CODED_AS]->(:Concept)-[:IS_A*0..8]->(root) //?concept
MATCH (m:Mention) //?!concept
WHERE m.assertion IN $assertion AND m.subject = $subject
  AND m.type = $type //?type
  AND m.textLower CONTAINS $text //?text
  AND m.timeEnd >= $from //?from
  AND m.timeStart <= $to //?to
  AND m.patientId IN $patientIds //?mentions
RETURN DISTINCT m.patientId AS pid //?patients
RETURN m.patientId AS pid, 1 AS side, m.id AS id, //?first
RETURN m.patientId AS pid, 2 AS side, m.id AS id, //?then
       duration.inDays(date('1970-01-01'), date(m.timeStart)).days AS s, //?!patients&!mentions
       duration.inDays(date('1970-01-01'), date(m.timeEnd)).days AS e //?!patients&!mentions
RETURN m, $criterion AS criterion //?mentions
