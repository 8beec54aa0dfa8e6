import { DAY, dateFields, MONTH, NOT_A_BARE_DAY, NOT_A_QUANTITY, PREPOSITION, readNumber } from './date-grammar.js';
import type { TimexDraft } from './draft.js';
import { collect, type DatePattern } from './date-pattern.js';

/** Not right after a digit, a date separator after a digit (`2014-8月`), a numeral, or a word that makes the month a count (`每3月`, `第3月`). */
const MONTH_FREE = String.raw`(?<![\d.年月〇零一二两三四五六七八九十百千每第个近约])(?<!\d[\-/])`;
/** Words that open an event: a bare `N月` at a clause start before one is a calendar month (`，12月于本院复查`). */
const EVENT_OPENER = String.raw`(?=\s*(?:[于在行开复查发确诊出就入住再因无自感体予口服停做返接手化放起]|来[院诊我本]|[至到及和、—\-~]\s*${MONTH}月${NOT_A_QUANTITY}))`;
/** Things numbered with 号/日 that are no day: `15号床`, `14号导尿管`, `3号染色体`. */
const NUMBERED_THING = String.raw`(?!\s*(?:[床楼房室区层线管针机位字门窗码柜袋瓶A-Za-z]|染色|病区|导|密码))`;
/** A count after it makes the day a frequency (`一日10余次`). */
const NOT_A_FREQUENCY = String.raw`(?![^，,。；;]{0,4}?[\d一二三四五六七八九十]+[余多+]?次)`;
const MONTH_OFFSET: Readonly<Record<string, number>> = { 上上: -2, 上: -1, 本: 0, 这: 0, 这个: 0, 今: 0, 下: 1, 下下: 2 };

const YEARLESS: readonly DatePattern[] = [
  // 7月30日, 四月二号, 二月十五, 2月5, 08月12, 3月10 行… (a day without 日 only where nothing makes it a quantity)
  {
    re: new RegExp(String.raw`${MONTH_FREE}(?<m>${MONTH})月(?<d>${DAY})(?:[日号]|${NOT_A_BARE_DAY})`, 'g'),
    read: (g) => dateFields(null, readNumber(g.m), readNumber(g.d)),
  },
  // 8-10, 9-29, 07-24日: only where a date is expected (after 于/及/、/a clause break) and not before a unit.
  {
    re: /(?<=^|[于在及和与、，,。；;\s]|\\U0004)(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d\-/*×xX%])(?!\.\d)(?!\s*(?:天|(?<!0\d-\d+)日(?!\s*[患行在于])|周|月|年|小时|分|秒|次|个|粒|片|支|枚|例|cm|CM|mm|MM|ml|ML|mg|MG|g|G|岁|程|度|级|期|型|项|组|U|u|%|‰|:|：))(?<suffix>[日号])?/g,
    read: (g) => dateFields(null, readNumber(g.m), readNumber(g.d)),
  },
  // 于3/18, 于11/3: a slash date only after a time preposition (`淋巴结3/12` and `1/4见癌转移` are fractions).
  {
    re: new RegExp(String.raw`(?<=${PREPOSITION}\s?)(?<m>\d{1,2})\/(?<d>\d{1,2})(?![\d/%.])(?!\s*(?:枚|个|例|见|未|HPF))`, 'g'),
    read: (g) => dateFields(null, readNumber(g.m), readNumber(g.d)),
  },
  // 上个月15号, 本月9日, 下月九号, 下下个月10号 (relative to the reference); 同月9号 (the narrative's month)
  {
    re: new RegExp(String.raw`(?:(?<rel>上上|下下|上|下|本|这个|这|今)个?月|(?:同|当)月)(?<d>${DAY})[日号]${NUMBERED_THING}`, 'g'),
    read: (g) => {
      const f = dateFields(null, null, readNumber(g.d));
      if (f && g.rel !== undefined) f.monthOffset = MONTH_OFFSET[g.rel] ?? 0;
      return f;
    },
  },
  // 于12号, 于三日, 嘱15号, ，23日, 12日、13日: a day of the month (its month and year come from the narrative or the
  // reference). After a clause break only in digits (`，一日10余次` counts), after a list joiner only after a day.
  {
    re: new RegExp(
      String.raw`(?:(?<=${PREPOSITION}|嘱|拟|预约|定于)(?<d>${DAY})|(?<=^|[，,。；;\s]|\\U0004|[日号][、及和与])(?<dd>\d{1,2}))[日号]` +
        String.raw`(?![前后内来余多以左许]|之[前后内]|[起开]?\s*(?:内|以内))${NUMBERED_THING}${NOT_A_FREQUENCY}`,
      'g',
    ),
    read: (g) => dateFields(null, null, readNumber(g.d ?? g.dd)),
  },
  // 9月份, 3月初, 六月上旬, 五月中 (a month with a calendar suffix)
  {
    re: new RegExp(String.raw`${MONTH_FREE}(?<m>${MONTH})月(?:份|初|末|底|中旬|上旬|下旬|中(?![心毒]))`, 'g'),
    read: (g) => dateFields(null, readNumber(g.m), null),
  },
  // 于6月确诊, 在11月, 至12月: after a time preposition a month is a calendar month, unless it counts (`于3月前`)
  {
    re: new RegExp(String.raw`(?<=${PREPOSITION})(?<m>${MONTH})月${NOT_A_QUANTITY}`, 'g'),
    read: (g) => dateFields(null, readNumber(g.m), null),
  },
  // ，12月于本院复查, 患者3月于外院行…, 十二月至一月…: at a clause start, before an event word or a month range
  {
    re: new RegExp(String.raw`(?<=^|[，,。；;：:）)]|\\U0004|患者|患儿|病人)(?<m>${MONTH})月${NOT_A_QUANTITY}${EVENT_OPENER}`, 'g'),
    read: (g) => dateFields(null, readNumber(g.m), null),
  },
];

/** The yearless dates of a text (month-day, day-only, month-only): fields only, years are inferred later. */
export function findYearlessDates(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  for (const p of YEARLESS) collect(text, p, out);
  return out;
}

/**
 * A bare month continuing a list or range after a date (`2014-8月和9月`, `2018-03至5月`, `2018年2月——4月`): found
 * only there, because a bare `N月` is usually a length (`肿物3月`).
 */
export function findListedMonths(text: string, dates: readonly TimexDraft[]): TimexDraft[] {
  const out: TimexDraft[] = [];
  const re = new RegExp(String.raw`^\s*(?:和|及|、|至|到|~|-|—{1,2})\s*(${MONTH})月(?:份)?(?![\d前后余来多+以内左])`);
  for (const d of dates) {
    const m = re.exec(text.slice(d.end));
    if (!m || !m[1]) continue;
    const month = readNumber(m[1]);
    const fields = dateFields(null, month, null);
    if (fields === null || fields.month === null) continue;
    const start = d.end + m[0].indexOf(m[1]);
    out.push({ start, end: d.end + m[0].length, kind: 'DATE', value: '', approx: false, date: fields });
  }
  return out;
}
