// Cohort export: the mentions of the patients in $patientIds that match an event criterion of the tree (one outside
// a `not`; both sides of a sequence), each with the paths of the criteria it matches, by patient and time.
CALL () {
  {{events}}
}
WITH m, collect(DISTINCT criterion) AS criteria
RETURN m.patientId AS patientId, m.recordId AS recordId, m.recordedAt AS recordedAt, m.id AS mentionId,
       m.type AS type, m.text AS text, m.start AS start, m.end AS end,
       m.timeStart AS timeStart, m.timeEnd AS timeEnd, m.timePrecision AS timePrecision, m.undated AS undated,
       m.assertion AS assertion, m.subject AS subject,
       m.conceptSystem AS conceptSystem, m.conceptCode AS conceptCode, m.conceptName AS conceptName, criteria
ORDER BY patientId, timeStart, recordId, start
