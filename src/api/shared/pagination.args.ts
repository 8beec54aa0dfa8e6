import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1..${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' })
  after?: string | null;
}
