// Mentions by type / text substring / patient, ordered by id; keyset pagination ($limit = first + 1).
// `m.id > $after` (empty string for the first page) lets the unique index deliver rows in id order, so the scan stops
// after $limit matches instead of sorting every mention.
MATCH (m:Mention)
WHERE m.id > $after
  AND ($type IS NULL OR m.type = $type)
  AND ($text IS NULL OR m.textLower CONTAINS $text)
  AND ($patientId IS NULL OR m.patientId = $patientId)
RETURN m {.*} AS mention
ORDER BY m.id
LIMIT $limit
