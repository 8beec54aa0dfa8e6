// Records of a submit call whose id is already stored under another patient (a record keeps its patient:
// RECORD_PATIENT_MISMATCH). Run inside the submit transaction after submit-job, so a concurrent submit of the same
// new record id for another patient is caught too (its MERGE waited for ours and kept our patientId).
UNWIND $records AS rec
MATCH (r:Record {id: rec.recordId})
WHERE r.patientId <> rec.patientId
RETURN rec.seq AS seq
ORDER BY seq
