/** The errors module's surface: `OncoError`, every platform error, and `ErrorCode`, the union of their codes. */
export * from './errors.js';
