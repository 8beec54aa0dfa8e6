import { OncoError } from './onco-error.js';

/** A request body over the platform's limit (derived from MAX_CHARS_PER_CALL; README § Configuration). */
export class PayloadTooLargeError extends OncoError<'PAYLOAD_TOO_LARGE'> {
  readonly code = 'PAYLOAD_TOO_LARGE' as const;
  constructor(limitBytes: number) {
    super(`request body too large, expected at most ${limitBytes} bytes`, { limit: limitBytes });
  }
}
