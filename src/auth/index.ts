/** The auth module's surface: API keys, roles and permissions, loopback and origin policy (no GraphQL, no HTTP). */
export * from './keys.js';
export * from './loopback.js';
export * from './origin-check.js';
export * from './roles.js';
