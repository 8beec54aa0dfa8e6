/**
 * A validation rule for HTTP only: subscriptions are served over WebSocket (graphql-ws on the same path). Without it,
 * Apollo would execute a subscription document as a query and fail inside the resolver (INTERNAL_SERVER_ERROR).
 *
 * @example
 *   POST /graphql { "query": "subscription { extractionEvents { recordId } }" }
 *   // 400, extensions.code BAD_REQUEST: "subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP"
 */
import { GraphQLError, type ValidationRule } from 'graphql';
import { BadRequestError } from '../../errors/index.js';

export const noSubscriptionOverHttp: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') return;
    const error = new BadRequestError('subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP');
    context.reportError(new GraphQLError(error.message, { nodes: [node], originalError: error }));
  },
});
