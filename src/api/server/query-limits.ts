/**
 * Limits on a GraphQL document, checked before anything runs, with GraphQL Armor (`@escape.tech/graphql-armor`, the
 * maintained Escape plugins for Apollo; chosen over hand-written validation rules because it covers depth, aliases,
 * cost, directives and tokens with one configuration). Each rejection is a `QueryLimitError` with its own code:
 *
 * | code | limit | what it stops |
 * |---|---|---|
 * | `QUERY_TOO_DEEP` | `MAX_QUERY_DEPTH` (10) | `patient { records { patient { records … } } }` fan-out |
 * | `TOO_MANY_ALIASES` | `MAX_QUERY_ALIASES` (15) | one request running a field hundreds of times |
 * | `QUERY_TOO_COSTLY` | `MAX_QUERY_COST` (5000) | wide-and-deep documents (Armor's static cost: objects 2, scalars 1, × 1.5 per level) |
 * | `TOO_MANY_DIRECTIVES` | `MAX_QUERY_DIRECTIVES` (10) | directive floods |
 * | `TOO_MANY_TOKENS` | `MAX_QUERY_TOKENS` (2000) | huge documents (parsing stops at the limit) |
 *
 * Tokens are counted by graphql-js's own parser option (`maxTokens`), not by Armor's token plugin: with Apollo 5 that
 * plugin throws from `parsingDidStart`, which Apollo answers with a 500 (measured).
 * Over HTTP the rules run in Apollo (`apolloQueryLimits`); over WebSocket `checkWsOperation` parses and validates with
 * the same rules. Field suggestions ("Did you mean …") are masked so the schema cannot be probed by typos.
 *
 * @example
 *   const limits = apolloQueryLimits(config.query);
 *   new ApolloServer({ schema, plugins: [...limits.plugins], validationRules: limits.validationRules });
 *   // `{ patient(id:"P1") { records { patient { records { … 15 levels … } } } } }` → 400, extensions.code QUERY_TOO_DEEP
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimitsConfig } from '../../config/index.js';
import { QueryLimitError, type QueryLimitCode } from '../../errors/index.js';

export interface ApolloQueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

export function apolloQueryLimits(limits: QueryLimitsConfig): ApolloQueryLimits {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits)).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** The document limits as plain validation rules (tokens are enforced by the parser; see `parseWithLimits`). */
export function queryLimitRules(limits: QueryLimitsConfig): ValidationRule[] {
  return new ApolloArmor(armorConfig(limits)).protect().validationRules;
}

/** graphql-js's "Document contains more than N tokens" parse error → `{ code: 'TOO_MANY_TOKENS', limit: N }`. */
export function tokenLimitDetails(message: string): { code: 'TOO_MANY_TOKENS'; limit: number } | null {
  const match = TOKEN_LIMIT.exec(message);
  return match ? { code: 'TOO_MANY_TOKENS', limit: Number(match[1]) } : null;
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/; // graphql 16 writes "more that"

/** graphql-js's own token limit: parsing stops after `maxTokens` tokens instead of building a huge AST. */
export function parseWithLimits(source: string, limits: QueryLimitsConfig): DocumentNode {
  try {
    return parse(source, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError && tokenLimitDetails(error.message)) {
      throw new GraphQLError(error.message, { originalError: new QueryLimitError('TOO_MANY_TOKENS', limits.maxTokens) });
    }
    throw error;
  }
}

/**
 * For graphql-ws `onSubscribe`: the parsed document, or the errors to send back (syntax, limits, validation).
 * `rules` come from `queryLimitRules` (built once).
 */
export function checkWsOperation(
  schema: GraphQLSchema,
  query: string,
  limits: QueryLimitsConfig,
  rules: readonly ValidationRule[],
): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parseWithLimits(query, limits);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  return errors.length > 0 ? { errors } : { document };
}

function armorConfig(limits: QueryLimitsConfig): ConstructorParameters<typeof ApolloArmor>[0] {
  return {
    blockFieldSuggestion: { enabled: true },
    maxDepth: { n: limits.maxDepth, ...reject('QUERY_TOO_DEEP', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...reject('TOO_MANY_ALIASES', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...reject('TOO_MANY_DIRECTIVES', limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, ...reject('QUERY_TOO_COSTLY', limits.maxCost) },
    maxTokens: { enabled: false },
  };
}

/** Reports the rejection as a validation error whose original error carries our code (kept by `maskError`). */
function reject(code: QueryLimitCode, limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError): void => {
        const found = /found (\d+(?:\.\d+)?)/.exec(error.message);
        const typed = new QueryLimitError(code, limit, found ? Math.ceil(Number(found[1])) : undefined);
        context?.reportError(new GraphQLError(typed.message, { originalError: typed }));
      },
    ],
  };
}
