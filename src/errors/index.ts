export { OncoError, isOncoError } from './onco-error.js';
export { BadUserInputError } from './bad-user-input.error.js';
export { ConfigInvalidError } from './config-invalid.error.js';
export { DuplicateRecordIdError } from './duplicate-record-id.error.js';
export { EmptyTextError } from './empty-text.error.js';
export { InvalidDateError } from './invalid-date.error.js';
export { NotFoundError } from './not-found.error.js';
export { TextTooLongError } from './text-too-long.error.js';
export { TooManyRecordsError } from './too-many-records.error.js';
