import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfoNode } from '../shared/page-info.type.js';
import { PatientNode } from '../patients/patient.type.js';

@ObjectType('PatientConnection', { description: 'A page of patients in id order.' })
export class PatientConnectionNode {
  @Field(() => [PatientNode])
  nodes!: PatientNode[];

  @Field(() => PageInfoNode)
  pageInfo!: PageInfoNode;
}

@ObjectType('CohortExplain', { description: 'The one Cypher statement a cohort query ran, for debugging.' })
export class CohortExplainNode {
  @Field(() => String, { description: 'Cypher; every value is a $parameter.' })
  statement!: string;

  @Field(() => String, { description: 'The parameters, as a JSON object.' })
  parameters!: string;
}

@ObjectType('CohortResult')
export class CohortResultNode {
  @Field(() => Int, { description: 'Exact number of matching patients.' })
  count!: number;

  @Field(() => PatientConnectionNode, { description: 'The matching patients, a page at a time, in id order.' })
  patients!: PatientConnectionNode;

  @Field(() => CohortExplainNode, { nullable: true, description: 'With explain: true, the statement and its parameters.' })
  explain!: CohortExplainNode | null;
}
