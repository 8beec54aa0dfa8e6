// Stored records to run the current pipeline over again, by id (keyset pagination: $after is the last id seen, '' at
// first). Queued records are already on their way; with $pipeline set, only records another pipeline produced (or
// whose last run failed).
MATCH (r:Record)
WHERE r.id > $after
  AND r.status IN ['DONE', 'FAILED']
  AND ($patientIds IS NULL OR r.patientId IN $patientIds)
  AND ($pipeline IS NULL OR r.status = 'FAILED' OR coalesce(r.pipeline, '') <> $pipeline)
RETURN r {.id, .patientId, .kind, .recordedAt, .text} AS record
ORDER BY r.id
LIMIT $limit
