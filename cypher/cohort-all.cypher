// Cohort: `all` (and `not` inside it). Every member subquery yields its patients once, tagged as required
// (found = 1) or excluded (excluded = 1, a `not` member); a patient is kept when every required member found them
// and no excluded member did. Hash aggregation: linear in the members' sizes, no per-patient lookups.
CALL () {
  {{members}}
}
WITH pid, sum(found) AS found, sum(excluded) AS excluded
WHERE found = $required AND excluded = 0
RETURN pid
