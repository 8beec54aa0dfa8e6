// Cohort: `any`. The members' subqueries are joined by UNION, which keeps each patient once.
CALL () {
  {{members}}
}
RETURN pid
