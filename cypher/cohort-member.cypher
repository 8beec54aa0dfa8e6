// Cohort: one member of an `all`, tagged required or excluded (see cohort-all.cypher).
CALL () {
  {{member}}
}
RETURN pid, 1 AS found, 0 AS excluded //?!excluded
RETURN pid, 0 AS found, 1 AS excluded //?excluded
