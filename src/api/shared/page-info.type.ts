import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Cursor pagination: pass `endCursor` as `after` to get the next page.' })
export class PageInfoNode {
  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last item of this page; null when the page is empty.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
