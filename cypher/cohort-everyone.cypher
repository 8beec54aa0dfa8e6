// Cohort: every patient; what a `not` outside an `all` is taken from.
MATCH (p:Patient)
RETURN p.id AS pid
