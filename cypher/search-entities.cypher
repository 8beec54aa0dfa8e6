// Mentions by type / text substring / patient, ordered by id; keyset pagination ($limit = first + 1).
MATCH (m:Mention)
WHERE ($type IS NULL OR m.type = $type)
  AND ($text IS NULL OR m.textLower CONTAINS $text)
  AND ($patientId IS NULL OR m.patientId = $patientId)
  AND ($after IS NULL OR m.id > $after)
RETURN m {.*} AS mention
ORDER BY m.id
LIMIT $limit
