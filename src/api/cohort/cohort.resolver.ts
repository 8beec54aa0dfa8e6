/**
 * `cohort(criteria, first, after, explain)` and `patients(first, after)`: thin mappings onto the cohort service
 * (src/cohort); patient details come through the per-request patient loader.
 *
 * @example
 *   query { cohort(criteria: { event: { concept: "C50" } }, first: 2) { count patients { nodes { id } pageInfo { endCursor hasNextPage } } } }
 *   // { cohort: { count: 3, patients: { nodes: [{ id: "P001" }, { id: "P007" }], pageInfo: { endCursor: "UDAwNw", hasNextPage: true } } } }
 */
import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import { DEFAULT_COHORT_LIMITS } from '../../cohort/index.js';
import type { PatientView } from '../../graph/index.js';
import type { ApiContext } from '../context.js';
import { MAX_PAGE_SIZE } from '../shared/pagination.args.js';
import { CohortCriteriaInput } from './cohort-criteria.input.js';
import { CohortResultNode, PatientConnectionNode } from './cohort.type.js';

export const MAX_COHORT_PAGE_SIZE = DEFAULT_COHORT_LIMITS.maxPageSize;

// The contract's arguments are nullable with defaults (`first: Int = 50`): an explicit null means the default.
@ArgsType()
class CohortArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `Page size, 1..${MAX_COHORT_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_COHORT_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also return the Cypher statement and its parameters.' })
  explain?: boolean | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Only among these patients (a study's enrolment list), at most ${DEFAULT_COHORT_LIMITS.maxPatientIds}; default: every patient.`,
  })
  patientIds?: string[] | null;
}

@ArgsType()
class PatientsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 1..${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' })
  after?: string | null;
}

@Resolver(() => CohortResultNode)
export class CohortResolver {
  // Researchers' question: `read` (structure only, no record text) is enough; listed patients reach the audit log
  // through the patient loader.
  @Authorized(PERMISSIONS.read)
  @Query(() => CohortResultNode, {
    description:
      'Patients matching the criteria (events, sequences with day windows, all/any/not), counted exactly and paged in id order ' +
      '(optionally only among `patientIds`). Negated (ABSENT) and family mentions count only when asked for. Semantics: ' +
      'src/cohort/README.md. Errors: BAD_USER_INPUT, INVALID_DATE, COHORT_TOO_COMPLEX (nesting or size over the limits), ' +
      'COHORT_TIMEOUT (cancelled by Neo4j after the time budget).',
  })
  async cohort(
    @Arg('criteria', () => CohortCriteriaInput) criteria: CohortCriteriaInput,
    @Args(() => CohortArgs) args: CohortArgs,
    @Ctx() ctx: ApiContext,
  ): Promise<CohortResultNode> {
    const page = await ctx.services.cohort.find(criteria, {
      first: args.first ?? 50, after: args.after ?? null, explain: args.explain === true, patientIds: args.patientIds ?? null,
    });
    return {
      count: page.count,
      patients: { nodes: await loadPatients(ctx, page.patientIds), pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } },
      explain: page.explain === null ? null : { statement: page.explain.statement, parameters: JSON.stringify(page.explain.parameters) },
    };
  }

  @Authorized(PERMISSIONS.read)
  @Query(() => PatientConnectionNode, { description: 'Every patient, in id order.' })
  async patients(@Args(() => PatientsArgs) args: PatientsArgs, @Ctx() ctx: ApiContext): Promise<PatientConnectionNode> {
    const page = await ctx.services.cohort.patients({ first: args.first ?? 20, after: args.after ?? null });
    return { nodes: await loadPatients(ctx, page.patientIds), pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}

/** A patient deleted between the two reads is left out rather than failing the page. */
async function loadPatients(ctx: ApiContext, ids: readonly string[]): Promise<PatientView[]> {
  const views = await Promise.all(ids.map((id) => ctx.loaders.patient.load(id)));
  return views.filter((v): v is PatientView => v !== null);
}
