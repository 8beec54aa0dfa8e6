/**
 * Roles and what each may do. Resolvers name a permission (`@Authorized(PERMISSIONS.readText)`), never a role, so
 * the whole policy is this table:
 *
 * | permission | clinician | researcher | admin | fields |
 * |---|---|---|---|---|
 * | `read` | ✓ | ✓ | ✓ | `patient`, `record` (without `text`), `entities`, timelines, `patientTimelineUpdated` |
 * | `readText` | ✓ | – | ✓ | `Record.text` (the full record text) |
 * | `submit` | ✓ | – | ✓ | `submitRecords`, `cancelJob` |
 * | `extract` | ✓ | – | ✓ | `extract` (takes and analyses free text) |
 * | `jobs` | ✓ | – | ✓ | `job`, `jobs`, `jobProgress`, `extractionEvents` |
 *
 * A researcher sees structure (patients, records' dates and kinds, entities with their type, concept, time and
 * short mention text) and never a record's text. An admin holds every permission, present and future.
 *
 * @example
 *   can('researcher', 'readText')   // false
 *   can('admin', 'anything')        // true
 */
export const ROLES = ['clinician', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  read: 'read',
  readText: 'readText',
  submit: 'submit',
  extract: 'extract',
  jobs: 'jobs',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const GRANTS: Readonly<Record<Exclude<Role, 'admin'>, ReadonlySet<string>>> = {
  clinician: new Set<Permission>(['read', 'readText', 'submit', 'extract', 'jobs']),
  researcher: new Set<Permission>(['read']),
};

/** Who is calling: the key's name (for the audit log) and its role. */
export interface Principal {
  readonly name: string;
  readonly role: Role;
}

/** Every caller when no key is configured (loopback development only; config refuses it elsewhere). */
export const OPEN_PRINCIPAL: Principal = Object.freeze({ name: 'anonymous', role: 'admin' });

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: string): boolean {
  return role === 'admin' || GRANTS[role].has(permission);
}
