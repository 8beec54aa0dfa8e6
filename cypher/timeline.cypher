// A patient's events; an event is kept when its interval overlaps [$from, $to] (null = open) and the record asserts
// it of whom and how the caller asks ($assertions, $subjects; default PRESENT/POSSIBLE, PATIENT). Each row is one
// mention's values in the order of $fields (ENTITY_FIELDS, src/graph/read.mappers.ts): a list decodes at about half
// the cost of a map. Record kind and date come from timeline-records.cypher in the same transaction (a patient's few
// records instead of a join per mention), and the caller orders the events (by time, record date, record, offset).
// The hint: without it the planner may seek by type, i.e. scan that type across every patient.
MATCH (m:Mention {patientId: $patientId})
USING INDEX m:Mention(patientId)
WHERE m.type IN $types
  AND coalesce(m.assertion, 'PRESENT') IN $assertions
  AND coalesce(m.subject, 'PATIENT') IN $subjects
  AND ($from IS NULL OR m.timeEnd >= $from)
  AND ($to IS NULL OR m.timeStart <= $to)
RETURN [k IN $fields | m[k]] AS mention
