/**
 * Builds the executable schema from the resolver classes. `printApiSchema` gives the SDL committed as
 * `schema/schema.graphql` (a test fails when the file is stale; `npm run schema:print` rewrites it).
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './server/auth-checker.js';
import { EntityResolver } from './entities/entity.resolver.js';
import { ExtractionResolver } from './extraction/extraction.resolver.js';
import { JobResolver } from './jobs/job.resolver.js';
import { PatientResolver, PatientTimelineUpdateResolver } from './patients/patient.resolver.js';
import { RecordResolver } from './patients/record.resolver.js';
import { TimelineEventResolver } from './patients/timeline-event.resolver.js';
import { CohortResolver } from './cohort/cohort.resolver.js';
import { createApiPubSub } from './topics.js';
import { guardWellFormedArgs } from './server/well-formed-args.js';

export async function buildApiSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [JobResolver, PatientResolver, PatientTimelineUpdateResolver, TimelineEventResolver, RecordResolver, EntityResolver, ExtractionResolver, CohortResolver],
    pubSub,
    // No global middleware: it would make every field of every type async (see server/well-formed-args.ts).
    authChecker, // @Authorized(PERMISSIONS.x) fields: src/auth/roles.ts
    // class-validator on arguments; never echo the offending input (it may be record text) in the error.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  guardWellFormedArgs(schema);
  return schema;
}

export async function printApiSchema(): Promise<string> {
  const schema = await buildApiSchema(createApiPubSub());
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
