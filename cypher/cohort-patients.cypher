// `patients(first, after)`: every patient in id order ($after: the last id of the previous page, '' for the first;
// $limit: page size + 1). The patient_id uniqueness index serves the range and the order.
MATCH (p:Patient)
WHERE p.id > $after
RETURN p.id AS id
ORDER BY id
LIMIT toInteger($limit)
