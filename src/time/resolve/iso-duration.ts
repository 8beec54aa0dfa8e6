/** A signed duration's components; `unknown` when the text left a digit unstated (`-PXY`, `PT1XM`). */
export interface DurationParts {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  unknown: boolean;
  /** Designators written, even with a zero amount (`P0Y` is a year-precision offset). */
  stated: ReadonlySet<'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S'>;
}

const ISO = /^([+-])?P(?:([\dX]+)Y)?(?:([\dX]+)M)?(?:([\dX]+)W)?(?:([\dX]+)D)?(?:T(?:([\dX]+)H)?(?:([\dX]+)M)?(?:([\dX]+)S)?)?$/;

/** Parses a signed ISO 8601 duration: `-P1M15D` → {sign −1, months 1, days 15}; null if malformed. */
export function parseDuration(value: string): DurationParts | null {
  const m = ISO.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return null;
  const unknown = value.includes('X');
  const n = (s: string | undefined): number => (s === undefined || s.includes('X') ? 0 : Number(s));
  const stated = new Set<'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S'>();
  (['Y', 'M', 'W', 'D', 'H', 'MIN', 'S'] as const).forEach((u, i) => {
    if (m[i + 2] !== undefined) stated.add(u);
  });
  return {
    stated,
    sign: m[1] === '-' ? -1 : 1,
    years: n(m[2]), months: n(m[3]), weeks: n(m[4]), days: n(m[5]), hours: n(m[6]), minutes: n(m[7]), seconds: n(m[8]),
    unknown,
  };
}
