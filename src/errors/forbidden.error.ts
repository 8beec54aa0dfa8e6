import { OncoError } from './onco-error.js';

/** The caller's role lacks a permission the field needs (`Record.text` for a researcher, `submitRecords`, …). */
export class ForbiddenError extends OncoError<'FORBIDDEN'> {
  readonly code = 'FORBIDDEN' as const;
  constructor(role: string, field: string, needs: readonly string[]) {
    super(`forbidden: role '${role}' may not read or run '${field}' (needs ${needs.join(', ')})`, { role, field, needs: [...needs] });
  }
}
