/**
 * Jobs at a glance: the latest jobs when the page opens, then every change pushed by `extractionEvents`. Running jobs
 * first with their progress; finished ones stay listed (newest first) so a reader sees that a submission completed.
 * The patients a job touched are links that open their timeline.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GraphQLClient } from './graphql-client.js';
import { JOB_EVENTS_SUBSCRIPTION, RECENT_JOBS_QUERY } from './schema-features.js';
import { FINAL_JOB_STATES, type JobState } from './timeline-data.js';

interface JobRow {
  job: JobState;
  patients: string[];
  /** Arrival order, for newest-first among equals. */
  seen: number;
}

const SHOWN = 8;

export function JobPanel({ api, onOpenPatient }: { api: GraphQLClient; onOpenPatient(id: string): void }) {
  const [rows, setRows] = useState<Map<string, JobRow>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let seen = 0;
    const put = (job: JobState, patientId: string | null) =>
      setRows((current) => {
        const next = new Map(current);
        const row = next.get(job.id);
        const patients = row?.patients ?? [];
        next.set(job.id, { job, patients: patientId && !patients.includes(patientId) ? [...patients, patientId] : patients, seen: row?.seen ?? (seen += 1) });
        return next;
      });
    const stop = api.subscribe<{ extractionEvents: { patientId: string | null; job: JobState } }>(
      JOB_EVENTS_SUBSCRIPTION,
      {},
      ({ extractionEvents }) => put(extractionEvents.job, extractionEvents.patientId),
      (error) => setProblem(error.message),
    );
    api
      .request<{ jobs: { nodes: JobState[] } }>(RECENT_JOBS_QUERY)
      // Oldest first, so the newest gets the highest arrival number; a pushed state already held wins.
      .then(({ jobs }) => [...jobs.nodes].reverse().forEach((job) => setRows((current) => (current.has(job.id) ? current : new Map(current).set(job.id, { job, patients: [], seen: (seen += 1) })))))
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return stop;
  }, [api]);

  const ordered = [...rows.values()]
    .sort((a, b) => Number(FINAL_JOB_STATES.has(a.job.status)) - Number(FINAL_JOB_STATES.has(b.job.status)) || b.seen - a.seen)
    .slice(0, SHOWN);
  const running = ordered.filter((row) => !FINAL_JOB_STATES.has(row.job.status)).length;

  return (
    <section class="panel jobs" aria-label="Extraction jobs" data-testid="jobs">
      <h2>Jobs <small>{running > 0 ? `${running} running` : 'none running'}</small></h2>
      {problem && <p class="error" role="alert">{problem}</p>}
      {ordered.length === 0 && <p class="muted">No jobs yet. Submit records with <code>submitRecords</code> (see GraphiQL).</p>}
      <ul>
        {ordered.map(({ job, patients }) => (
          <li key={job.id} class={`job job-${job.status}`} data-job-id={job.id}>
            <div class="job-line">
              <span class="job-status">{job.status}</span>
              <span class="job-count">{job.done}/{job.total} records · {job.entities} entities{job.failed > 0 ? ` · ${job.failed} failed` : ''}</span>
            </div>
            <progress max={Math.max(job.total, 1)} value={job.done} aria-label={`job ${job.id} progress`} />
            {patients.length > 0 && (
              <div class="job-patients">
                {patients.map((id) => (
                  <button type="button" class="link" key={id} onClick={() => onOpenPatient(id)}>{id}</button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
