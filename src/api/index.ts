/**
 * The API module's surface, for the composition roots (`main.ts`, `server.ts`, the CLI): the GraphQL schema and
 * its services, the request context, error masking, limits and the HTTP glue around them.
 */
export { writeAudit } from './server/audit-log.js';
export type { CoalescingPubSub } from './coalescing-pubsub.js';
export { createContext, type ApiContext } from './context.js';
export { maskError } from './server/error-mask.js';
export { createPreviewService } from './extraction/extraction-preview.service.js';
export { principalOf, requireApiKey } from './server/http-auth.js';
export { installHttpErrorHandlers, requireJsonBody } from './server/http-errors.js';
export { noSubscriptionOverHttp } from './server/http-only.rule.js';
export { apolloQueryLimits, checkWsOperation, queryLimitRules } from './server/query-limits.js';
export { Readiness } from './server/readiness.js';
export { RequestGate } from './server/request-gate.js';
export { buildApiSchema } from './schema.js';
export type { ApiServices } from './services.js';
export { bridgeJobEvents, createApiPubSub } from './topics.js';
