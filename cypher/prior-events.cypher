// The patient's already-placed events from other records written on or before this one (time anchors such as 术后).
MATCH (m:Mention {patientId: $patientId})
USING INDEX m:Mention(patientId)
WHERE m.recordId <> $recordId AND m.undated = false AND m.recordedAt <= $recordedAt
RETURN m.type AS type, m.text AS text, m.timeStart AS start, m.timeEnd AS end,
       m.timePrecision AS precision, m.timeApprox AS approx
ORDER BY m.timeStart
