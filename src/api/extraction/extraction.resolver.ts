import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/index.js';
import { validateText } from '../../domain/index.js';
import { CalendarDateScalar } from '../shared/calendar-date.scalar.js';
import type { ApiContext } from '../context.js';
import { ExtractionPreviewNode } from './extraction.type.js';

@Resolver(() => ExtractionPreviewNode)
export class ExtractionResolver {
  @Authorized(PERMISSIONS.extract)
  @Query(() => ExtractionPreviewNode, {
    description: 'Run NER and time analysis on a text without storing anything (EMPTY_TEXT / TEXT_TOO_LONG as for records).',
  })
  extract(
    @Arg('text', () => String) text: string,
    @Arg('recordedAt', () => CalendarDateScalar, { description: 'Reference date for relative times.' }) recordedAt: string,
    @Ctx() ctx: ApiContext,
  ): Promise<ExtractionPreviewNode> {
    validateText(text, null, ctx.services.limits.maxRecordChars);
    return ctx.services.preview.preview(text, recordedAt);
  }
}
