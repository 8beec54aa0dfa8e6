/**
 * The API module's surface, for the composition roots (`main.ts`, `server.ts`, the CLI): the GraphQL schema and
 * its services, the request context, error masking, limits and the HTTP glue around them.
 */
export { writeAudit } from './audit-log.js';
export type { CoalescingPubSub } from './coalescing-pubsub.js';
export { createContext, type ApiContext } from './context.js';
export { maskError } from './error-mask.js';
export { createPreviewService } from './extraction-preview.service.js';
export { principalOf, requireApiKey } from './http-auth.js';
export { installHttpErrorHandlers, requireJsonBody } from './http-errors.js';
export { noSubscriptionOverHttp } from './http-only.rule.js';
export { apolloQueryLimits, checkWsOperation, queryLimitRules } from './query-limits.js';
export { Readiness } from './readiness.js';
export { RequestGate } from './request-gate.js';
export { buildApiSchema } from './schema.js';
export type { ApiServices } from './services.js';
export { bridgeJobEvents, createApiPubSub } from './topics.js';
