import { OncoError } from './onco-error.js';

/** The environment does not describe a runnable platform; `problems` lists every bad variable at once. */
export class ConfigInvalidError extends OncoError<'CONFIG_INVALID'> {
  readonly code = 'CONFIG_INVALID' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`, { problems: [...problems] });
  }
}
