// Cohort: one event criterion. A patient matches when ONE of their mentions matches every given filter.
// A template, compiled by src/cohort/compile-criteria.ts: a line tagged `//?name` is kept only when `name` is set
// (`//?!name`: only when it is not), and every `$parameter` but `$patientIds` gets the criterion's prefix (`$c3_type`).
// concept: the concept named by its id (`ICD10:C50`), code (`C50`, any system) or standard name, and every concept
// below it through IS_A (C50 → C50.9 → C50.902); the mentions coded as one of them are then read through the
// Mention(conceptId) index, never by walking every mention's hierarchy.
// scoped: only the patients in $patientIds (the `patientIds` argument of `cohort`, and every export).
// Modes: `patients` (distinct patient ids), `first`/`then` (a sequence side: day numbers of the mention's interval),
// `mentions` (the matching mentions themselves, for exports).
// Speed: every mention has patientId, timeStart, timeEnd and textLower; saying so lets the planner seek the
// composite indexes Mention(type|conceptId, assertion, subject, patientId, timeStart, timeEnd, textLower)
// (schema.cypher) and take those values from the index instead of reading each mention's properties; a sequence
// side tells its mentions apart by elementId, which needs no property read (measured in bench/cohort.md).
MATCH (root:Concept) WHERE root.code IN $conceptCodes OR root.name = $concept OR root.id = $concept //?concept
MATCH (coded:Concept)-[:IS_A*0..12]->(root) //?concept
WITH DISTINCT coded.id AS conceptId //?concept
MATCH (m:Mention)
WHERE m.assertion IN $assertion AND m.subject = $subject
  AND m.patientId IS NOT NULL AND m.timeStart IS NOT NULL AND m.timeEnd IS NOT NULL AND m.textLower IS NOT NULL
  AND m.conceptId = conceptId //?concept
  AND m.type = $type //?type
  AND m.textLower CONTAINS $text //?text
  AND m.timeEnd >= $from //?from
  AND m.timeStart <= $to //?to
  AND m.patientId IN $patientIds //?scoped
RETURN DISTINCT m.patientId AS pid //?patients
RETURN m.patientId AS pid, 1 AS side, elementId(m) AS id, //?first
RETURN m.patientId AS pid, 2 AS side, elementId(m) AS id, //?then
       duration.inDays(date('1970-01-01'), date(m.timeStart)).days AS s, //?!patients&!mentions
       duration.inDays(date('1970-01-01'), date(m.timeEnd)).days AS e //?!patients&!mentions
RETURN DISTINCT m, $criterion AS criterion //?mentions
