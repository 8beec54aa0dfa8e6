// Cohort: a sequence criterion. `then` starts between $minDays and $maxDays days (inclusive; $maxDays null: no
// upper bound) after `first` starts, judged on the resolved day intervals [s, e] of two different mentions
// (undated mentions sit at their record date). A mention's event happened on one unknown day of its interval, so
// d2 - d1 ranges over [t.s - f.e, t.e - f.s]:
//   possible (default): that range meets [minDays, maxDays]      → t.s - f.e <= maxDays AND t.e - f.s >= minDays
//   certain:            that range lies inside [minDays, maxDays] → t.s - f.e >= minDays AND t.e - f.s <= maxDays
// Each side yields (pid, side, id, s, e); grouping by patient joins the two sides without a per-patient lookup.
CALL () {
  {{first}}
  UNION ALL
  {{then}}
}
WITH pid,
     collect(CASE side WHEN 1 THEN [s, e, id] END) AS firsts,
     collect(CASE side WHEN 2 THEN [s, e, id] END) AS thens
WHERE size(firsts) > 0 AND size(thens) > 0
  AND any(f IN firsts WHERE any(t IN thens WHERE f[2] <> t[2]
    AND t[0] - f[1] <= coalesce($maxDays, t[0] - f[1]) AND t[1] - f[0] >= $minDays //?!certain
    AND t[0] - f[1] >= $minDays AND t[1] - f[0] <= coalesce($maxDays, t[1] - f[0]) //?certain
  ))
RETURN pid
