// The patient's already-placed events from other records written on or before this one (time anchors such as 术后).
// Only what happened to the patient anchors: a denied operation (否认手术史) or a relative's is no 术 to count from.
MATCH (m:Mention {patientId: $patientId})
USING INDEX m:Mention(patientId)
WHERE m.recordId <> $recordId AND m.undated = false AND m.recordedAt <= $recordedAt
  AND coalesce(m.assertion, 'PRESENT') <> 'ABSENT' AND coalesce(m.subject, 'PATIENT') = 'PATIENT'
RETURN m.type AS type, m.text AS text, m.timeStart AS start, m.timeEnd AS end,
       m.timePrecision AS precision, m.timeApprox AS approx
ORDER BY m.timeStart
