import { ENTITY_TYPES, type EntityType } from '../domain/index.js';

const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

/**
 * Contract check at the boundary, before any work: a bad span throws a TypeError naming what was expected and what
 * arrived, e.g. `mentions[2]: expected 0 <= start < end <= 12 (text length), got start 10, end 14`.
 */
export function validateMentions(text: unknown, mentions: unknown): asserts mentions is ReadonlyArray<{ start: number; end: number; type: EntityType }> {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  if (!Array.isArray(mentions)) throw new TypeError(`mentions: expected an array, got ${mentions === null ? 'null' : typeof mentions}`);
  mentions.forEach((m: unknown, i) => {
    if (typeof m !== 'object' || m === null) throw new TypeError(`mentions[${i}]: expected an object, got ${m === null ? 'null' : typeof m}`);
    const { start, end, type } = m as { start?: unknown; end?: unknown; type?: unknown };
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new TypeError(`mentions[${i}]: expected integer start and end, got start ${String(start)}, end ${String(end)}`);
    }
    if (!((start as number) >= 0 && (start as number) < (end as number) && (end as number) <= text.length)) {
      throw new TypeError(`mentions[${i}]: expected 0 <= start < end <= ${text.length} (text length), got start ${String(start)}, end ${String(end)}`);
    }
    if (typeof type !== 'string' || !TYPES.has(type)) {
      throw new TypeError(`mentions[${i}]: expected type one of ${ENTITY_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
    }
  });
}
