// Synthetic graphs (src/synth): how much of one seed's graph is stored ($prefix: 'synth-<seed>-'), so the cohort
// benchmark can reuse a graph it built before. Prefix seeks on the Patient(id), Record(patientId) and
// Mention(patientId) indexes; nothing is scanned.
CALL () {
  MATCH (p:Patient) WHERE p.id STARTS WITH $prefix
  RETURN count(p) AS patients
}
CALL () {
  MATCH (r:Record) WHERE r.patientId STARTS WITH $prefix
  RETURN count(r) AS records
}
CALL () {
  MATCH (m:Mention) WHERE m.patientId STARTS WITH $prefix
  RETURN count(m) AS mentions
}
RETURN patients, records, mentions
