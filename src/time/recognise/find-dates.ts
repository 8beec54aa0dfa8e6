import type { DateFields, TimexDraft } from './draft.js';

/**
 * Finds calendar dates in folded text: `2018-03-12`, `2018.3.12`, `2018年3月12日`, `2018-03`, `2015年`, `13.4.12`,
 * `18年3月`, `7月30日`, `9-29`, `今年5月`, clock times (`6月22日14:50`). Values are filled in later (year inference).
 */
export function findDates(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const g = m.groups ?? {};
      const fields = p.read(g);
      if (fields === null) continue;
      let end = m.index + m[0].length;
      const clock = CLOCK.exec(text.slice(end));
      if (clock && fields.day !== null) {
        fields.clock = { hour: Number(clock[1]), minute: Number(clock[2] ?? clock[3]) };
        end += clock[0].length;
      }
      out.push({ start: m.index, end, kind: 'DATE', value: '', approx: false, date: fields });
    }
  }
  return out;
}

const CLOCK = /^\s?([01]?\d|2[0-3])(?:[:：]([0-5]\d)(?![\d:：])|时([0-5]?\d)分)/;
const SUFFIX = String.raw`(?:份|初|末|底|中旬|上旬|下旬|中)?`;
const NOT_QUANTITY = String.raw`(?![前后余来多+以内左])`;

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

/** `20165` (a doubled digit) → 2016: the repair the guideline calls obvious. */
function year4(s: string | undefined): number | null {
  if (s === undefined) return null;
  return Number(s.length === 5 ? s.slice(0, 4) : s);
}

function twoDigitYear(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  // CCKS records were written 1990–2019: 00–29 → 20xx, 30–99 → 19xx.
  return n < 30 ? 2000 + n : 1900 + n;
}

function validMonthDay(m: number | null, d: number | null): boolean {
  return m !== null && m >= 1 && m <= 12 && (d === null || (d >= 1 && d <= 31));
}

interface DatePattern {
  re: RegExp;
  read(g: Record<string, string | undefined>): DateFields | null;
}

const Y4 = String.raw`(?<y>(?:19|20)\d{2}|20\d(?=\d\d[-./])\d)`;
const SEP = String.raw`\s*[-./]\s*`;

function fields(year: number | null, month: number | null, day: number | null): DateFields | null {
  if (month !== null && !validMonthDay(month, day)) {
    // Keep impossible days (2018-02-30) as written: resolution reports them; but a month over 12 is no date.
    if (month < 1 || month > 12) return null;
  }
  return { year, month, day, clock: null };
}

const PATTERNS: readonly DatePattern[] = [
  // 2018-03-12, 2018.3.12, 2018/3/12, 2018年3月12日, 2008年3月10, 20165-5-16
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)(?:${Y4}|(?<y5>20\d{3}))(?:${SEP}|\s*年\s*)(?<m>\d{1,2})(?:${SEP}|\s*月\s*)(?<d>\d{1,2})(?!\d)(?!\.\d)(?:\s*[日号])?`, 'g'),
    read: (g) => fields(year4(g.y ?? g.y5), num(g.m), num(g.d)),
  },
  // 2018-03, 2018.3, 2018年3月, 2014-8月, 2014年11月份, 2014年3月初
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)${Y4}(?:${SEP}(?<m>\d{1,2})(?!\d)(?!\.\d)(?:月${SUFFIX})?|\s*年\s*(?<m2>\d{1,2})\s*月${SUFFIX})`, 'g'),
    read: (g) => fields(year4(g.y), num(g.m ?? g.m2), null),
  },
  // 2015年, 2014年末
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)${Y4}\s*年(?:初|末|底|中|上半年|下半年)?`, 'g'),
    read: (g) => fields(year4(g.y), null, null),
  },
  // 13.4.12, 13-4-12 (two-digit year, two separators)
  {
    re: /(?<![\d.\-/A-Za-z])(?<y>\d{2})(?<s>[.\-/])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![\d.\-/])/g,
    read: (g) => fields(twoDigitYear(g.y), num(g.m), num(g.d)),
  },
  // 18年3月, 18年3月12日
  {
    re: new RegExp(String.raw`(?<![\d.])(?<y>\d{2})年(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]|${SUFFIX}${NOT_QUANTITY})`, 'g'),
    read: (g) => fields(twoDigitYear(g.y), num(g.m), num(g.d)),
  },
  // 今年5月, 去年12月10日
  {
    re: /(?<w>今年|去年|前年|明年)(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]?|份|初|末|底)?/g,
    read: (g) => {
      const f = fields(null, num(g.m), num(g.d));
      if (f) f.yearOffset = { 今年: 0, 去年: -1, 前年: -2, 明年: 1 }[g.w ?? '今年'] ?? 0;
      return f;
    },
  },
  // 7月30日, 6月22日 (a month with a day and 日/号), 3月10 before a clause break
  {
    re: /(?<![\d.\-/年])(?<m>\d{1,2})月(?<d>\d{1,2})(?:[日号]|(?=[，,。；;、\s]|行|在|于))/g,
    read: (g) => fields(null, num(g.m), num(g.d)),
  },
  // 8-10, 9-29, 07-24日: only where a date is expected (after 于/及/、/a clause break) and not before a unit.
  {
    re: /(?<=^|[于在及和与、，,。；;\s]|\\U0004)(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d\-/*×xX%])(?!\.\d)(?!\s*(?:天|(?<!0\d-\d+)日(?!\s*[患行在于])|周|月|年|小时|分|秒|次|个|粒|片|支|枚|例|cm|CM|mm|MM|ml|ML|mg|MG|g|G|岁|程|度|级|期|型|项|组|U|u|%|‰|cm|:|：))(?<suffix>[日号])?/g,
    read: (g) => {
      const m = num(g.m);
      const d = num(g.d);
      return validMonthDay(m, d) ? fields(null, m, d) : null;
    },
  },
  // `，12月于本院复查`, `于3月行手术`: a bare month at a clause start, before an action
  {
    re: /(?<=^|[，,。；;：:）)]|于|在|至)(?<m>\d{1,2})月(?=[于在行开复查])/g,
    read: (g) => fields(null, num(g.m), null),
  },
  // 9月份, 3月初 (a month with a calendar suffix)
  {
    re: /(?<![\d.\-/年])(?<m>\d{1,2})月(?:份|初|末|底|中旬|上旬|下旬)/g,
    read: (g) => fields(null, num(g.m), null),
  },
];

const BARE_CLOCK = /(?<=[于在，,。；;]|凌晨|早晨|上午|中午|下午|晚上|夜间|晚|^)([01]?\d|2[0-3])(?:[:：]([0-5]\d)(?![\d:：])|时([0-5]?\d)分)/g;

/** A clock time with no date attached (`于14:30出现胸痛`): `XXXX-XX-XXT14:30` (guideline §1). */
export function findBareClocks(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  BARE_CLOCK.lastIndex = 0;
  for (let m = BARE_CLOCK.exec(text); m !== null; m = BARE_CLOCK.exec(text)) {
    const clock = { hour: Number(m[1]), minute: Number(m[2] ?? m[3]) };
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'DATE', value: '', approx: false, date: { year: null, month: null, day: null, clock } });
  }
  return out;
}

/**
 * A bare month continuing a list or range after a date (`2014-8月和9月`, `2018-03至5月`): found only there,
 * because a bare `N月` is usually a length (`肿物3月`).
 */
export function findListedMonths(text: string, dates: readonly TimexDraft[]): TimexDraft[] {
  const out: TimexDraft[] = [];
  const re = /^\s*(?:和|及|、|至|到|~|-)\s*(\d{1,2})月(?![\d前后余来多+以内左])/;
  for (const d of dates) {
    const m = re.exec(text.slice(d.end));
    if (!m || !m[1]) continue;
    const month = Number(m[1]);
    if (month < 1 || month > 12) continue;
    const start = d.end + m[0].length - m[1].length - 1;
    out.push({ start, end: d.end + m[0].length, kind: 'DATE', value: '', approx: false, date: { year: null, month, day: null, clock: null } });
  }
  return out;
}
