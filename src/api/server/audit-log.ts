/**
 * The audit log: which key read which patients, one structured line per operation (ids only, never text).
 * Every repository read of an operation goes through `auditedReads`, which notes the patients the answers belong to;
 * when the operation answers (HTTP response, or each WebSocket event) `auditLine` turns them into one log line:
 *
 *   audit {"key":"ward-3","role":"clinician","operation":"query Chart","patients":["P001","P002"]}
 *
 * Operations that touched no patient (`jobs`, `extract`, introspection) are not logged. Patient ids are the client's
 * own identifiers; record text, entity text and query arguments never appear.
 */
import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import type { ReadsPort } from '../services.js';
import type { Principal } from '../../auth/index.js';
import type { Log } from '../../log/index.js';

/** The patients one operation has read (or submitted records for) so far. */
export class PatientAccess {
  private readonly ids = new Set<string>();

  note(patientIds: Iterable<string>): void {
    for (const id of patientIds) this.ids.add(id);
  }

  /** The ids noted since the last call, sorted; clears them (a subscription logs each event's reads once). */
  take(): string[] {
    const ids = [...this.ids].sort();
    this.ids.clear();
    return ids;
  }
}

/** `reads` whose answers are noted in `access` by patient id. */
export function auditedReads(reads: ReadsPort, access: PatientAccess): ReadsPort {
  const noteAll = <T extends { patientId: string }>(items: Iterable<T | null>): void =>
    access.note([...items].flatMap((item) => (item ? [item.patientId] : [])));
  const noted: Partial<ReadsPort> = {
    async patientsByIds(ids) {
      const found = await reads.patientsByIds(ids);
      access.note(found.flatMap((p) => (p ? [p.id] : [])));
      return found;
    },
    async recordsByIds(ids) {
      const found = await reads.recordsByIds(ids);
      noteAll(found);
      return found;
    },
    async recordsByPatientIds(ids) {
      const found = await reads.recordsByPatientIds(ids);
      noteAll(found.flat());
      return found;
    },
    async entitiesByRecordIds(ids) {
      const found = await reads.entitiesByRecordIds(ids);
      noteAll(found.flat());
      return found;
    },
    async timeline(query) {
      const events = await reads.timeline(query);
      if (events.length > 0) access.note([query.patientId]);
      return events;
    },
    async searchEntities(args) {
      const page = await reads.searchEntities(args);
      noteAll(page.items);
      return page;
    },
  };
  // Every other method (term, concept and timex reads, and any added later) passes through, bound to `reads`.
  return new Proxy(reads, {
    get(target, name, receiver) {
      if (typeof name === 'string' && Object.hasOwn(noted, name)) return noted[name as keyof ReadsPort];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The log line for an operation, or null when it touched no patient. */
export function auditLine(principal: Principal, operation: string, patientIds: readonly string[]): string | null {
  if (patientIds.length === 0) return null;
  return `audit ${JSON.stringify({ key: principal.name, role: principal.role, operation, patients: patientIds })}`;
}

/** `query Chart`, or the root fields when the operation has no name (`query patient,record`). */
export function operationLabel(document: DocumentNode | undefined, operationName: string | null | undefined): string {
  const operation = document ? getOperationAST(document, operationName ?? undefined) : null;
  if (!operation) return operationName ?? 'unknown';
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return `${operation.operation} ${operation.name?.value ?? (fields.join(',') || '-')}`;
}

/** Writes the operation's audit line, if it touched a patient since the last one. */
export function writeAudit(
  log: Log,
  context: { principal: Principal; access: PatientAccess } | undefined,
  document: DocumentNode | undefined,
  operationName: string | null | undefined,
): void {
  if (!context?.access) return;
  const line = auditLine(context.principal, operationLabel(document, operationName), context.access.take());
  if (line !== null) log(line);
}
