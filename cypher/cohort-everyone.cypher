// Cohort: every patient (scoped: every patient in $patientIds); what a `not` outside an `all` is taken from.
MATCH (p:Patient)
WHERE p.id IN $patientIds //?scoped
RETURN p.id AS pid
