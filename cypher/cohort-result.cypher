// Cohort: the compiled criteria tree yields each matching patient id once (`pid`); this counts them exactly and
// cuts one page in patient-id order ($after: the last id of the previous page, '' for the first; $limit: page
// size + 1, the extra id only says whether a next page exists).
CALL () {
  {{criteria}}
}
WITH pid ORDER BY pid
WITH collect(pid) AS ids
RETURN size(ids) AS count, [id IN ids WHERE id > $after][0..toInteger($limit)] AS page
