/**
 * Suggestions for the patient id box from the `patients` query. The API lists patients a page at a time in id order
 * and cannot search by id, so the picker reads the first page, then reads more pages only while the typed id could
 * still be further on: until a page ends after every id that starts with it, or the API has no more pages, or
 * MAX_PAGES have been read (a large hospital then gets the id box without complete suggestions).
 *
 * @example
 *   needsMorePages({ lastId: 'P100', hasNextPage: true, pages: 1 }, 'P2')   // true: P2… sorts after P100
 *   needsMorePages({ lastId: 'P300', hasNextPage: true, pages: 3 }, 'P2')   // false: this page went past P2…
 *   suggestionsFor([{ id: 'P001', recordCount: 2 }, { id: 'Q9', recordCount: 1 }], 'p0')  // [{ id: 'P001', … }]
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GraphQLClient } from './graphql-client.js';
import { PATIENTS_QUERY } from './schema-features.js';

export interface PatientSummary {
  id: string;
  recordCount: number;
}

/** 100 patients a page: at most 2,000 patients are read for one typed id. */
export const MAX_PAGES = 20;
/** Options in the datalist: enough to pick from, few enough to scan. */
export const MAX_SUGGESTIONS = 50;

interface Listing {
  /** What the listing was read for; another value starts it anew. */
  refresh: unknown;
  patients: PatientSummary[];
  endCursor: string | null;
  hasNextPage: boolean;
  pages: number;
}

type PatientsPage = { patients: { nodes: PatientSummary[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

export function needsMorePages(listing: { lastId: string | null; hasNextPage: boolean; pages: number }, typed: string): boolean {
  if (!listing.hasNextPage || listing.pages >= MAX_PAGES) return false;
  if (listing.pages === 0 || listing.lastId === null) return true;
  if (typed === '') return false;
  // Ids come in ascending order: a page whose last id is after `typed` and does not start with it is past every match.
  return listing.lastId <= typed || listing.lastId.startsWith(typed);
}

/** Patients whose id contains the typed text (case-insensitive), ids starting with it first. */
export function suggestionsFor(patients: readonly PatientSummary[], typed: string): PatientSummary[] {
  const needle = typed.trim().toLowerCase();
  const hits = patients.filter((p) => p.id.toLowerCase().includes(needle));
  const starts = hits.filter((p) => p.id.toLowerCase().startsWith(needle));
  return [...starts, ...hits.filter((p) => !p.id.toLowerCase().startsWith(needle))].slice(0, MAX_SUGGESTIONS);
}

/**
 * The known patients matching `typed`, read as needed; a new `refresh` value (e.g. the open patient) starts the listing
 * anew so a patient stored since appears. Empty when `enabled` is false (a platform without the `patients` query).
 */
export function usePatientSuggestions(api: GraphQLClient, enabled: boolean, typed: string, refresh: unknown): PatientSummary[] {
  const listing = useRef<Listing | null>(null);
  const [patients, setPatients] = useState<PatientSummary[]>([]);

  useEffect(() => {
    if (!enabled) return;
    if (listing.current === null || !Object.is(listing.current.refresh, refresh)) {
      listing.current = { refresh, patients: [], endCursor: null, hasNextPage: true, pages: 0 };
    }
    const current = listing.current;
    let cancelled = false;
    // One page after another while the typed id may lie further on; typing again cancels this loop (a page already
    // asked for is then dropped, and the next loop asks again from the same cursor).
    void (async () => {
      while (needsMorePages({ lastId: current.patients.at(-1)?.id ?? null, hasNextPage: current.hasNextPage, pages: current.pages }, typed.trim())) {
        let page: PatientsPage;
        try {
          page = await api.request<PatientsPage>(PATIENTS_QUERY, { after: current.endCursor });
        } catch {
          // Suggestions are a convenience: the id box works without them, so a failed page ends the listing.
          if (!cancelled) current.hasNextPage = false;
          return;
        }
        if (cancelled || listing.current !== current) return;
        current.patients = [...current.patients, ...page.patients.nodes];
        current.endCursor = page.patients.pageInfo.endCursor;
        current.hasNextPage = page.patients.pageInfo.hasNextPage && current.endCursor !== null;
        current.pages += 1;
        setPatients(current.patients);
      }
    })();
    setPatients(current.patients);
    return () => {
      cancelled = true;
    };
  }, [api, enabled, typed, refresh]);

  return enabled ? suggestionsFor(patients, typed) : [];
}
