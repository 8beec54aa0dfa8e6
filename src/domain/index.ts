/** The domain module's surface: the types and rules every layer shares. Other modules import this file only. */
export * from './calendar-date.js';
export * from './entity.js';
export * from './offsets.js';
export * from './page-cursor.js';
export * from './record.js';
export * from './record-validation.js';
export * from './text-checks.js';
export * from './time.js';
