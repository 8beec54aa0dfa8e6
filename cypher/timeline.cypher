// A patient's events by resolved time; an event is kept when its interval overlaps [$from, $to] (null = open) and
// the record asserts it of whom and how the caller asks ($assertions, $subjects; default PRESENT/POSSIBLE, PATIENT).
// The hint: without it the planner may seek by type, i.e. scan that type across every patient.
MATCH (m:Mention {patientId: $patientId})
USING INDEX m:Mention(patientId)
WHERE m.type IN $types
  AND coalesce(m.assertion, 'PRESENT') IN $assertions
  AND coalesce(m.subject, 'PATIENT') IN $subjects
  AND ($from IS NULL OR m.timeEnd >= $from)
  AND ($to IS NULL OR m.timeStart <= $to)
MATCH (r:Record {id: m.recordId})
RETURN m {.*} AS mention, r.kind AS recordKind, r.recordedAt AS recordedAt
ORDER BY m.timeStart, r.recordedAt, m.recordId, m.start
