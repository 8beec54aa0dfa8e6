"""Differential check: src/time against cn2an, JioNLP and Time-NLP (ChineseTimeNLP) on the external suite.

Input: the JSON lines of export-ours.ts (one per TIMEX we find: span, kind, value, resolved interval).
Each span goes to every reference parser with the item's recordedAt as the base time, and each answer gets a verdict:

  agree        the same calendar interval (DATE, RELATIVE), clock, duration, or numbers (cn2an)
  granularity  one interval holds the other (JioNLP's 2-month "年底", a week for "2周后", ...)
  year-choice  the same month and day in another year (a future-leaning base time, or our narrative year)
  differs      anything else
  not-parsed   the parser returned nothing or raised
  n/a          the parser has no opinion on this kind (cn2an on a span without Chinese numerals)

Output: a TSV report (one row per TIMEX) and a summary by parser and verdict on stdout.
Usage: python differential.py OURS.jsonl REPORT.tsv
"""

import contextlib
import io
import json
import re
import sys
import time
from collections import Counter

import arrow
import cn2an
import jionlp as jio
from ChineseTimeNLP import TimeNormalizer

CN_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千]")
SECONDS = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400, "H": 3600, "MIN": 60, "S": 1}
JIO_UNITS = {"year": "Y", "month": "M", "day": "D", "hour": "H", "minute": "MIN", "second": "S"}


def duration_seconds(value):
    """Seconds of an ISO duration like -P1Y6M or PT25M10S (X digits: None)."""
    m = re.fullmatch(r"[+-]?P(?:([\dX]+)Y)?(?:([\dX]+)M)?(?:([\dX]+)W)?(?:([\dX]+)D)?(?:T(?:([\dX]+)H)?(?:([\dX]+)M)?(?:([\dX]+)S)?)?", value)
    if not m or "X" in value:
        return None
    total = 0
    for amount, unit in zip(m.groups(), ["Y", "M", "W", "D", "H", "MIN", "S"]):
        if amount is not None:
            total += int(amount) * SECONDS[unit]
    return total


def delta_seconds(delta):
    """Seconds of a JioNLP/Time-NLP delta dict ({'year': 2.5} or {'day': 14, ...})."""
    return sum(float(v) * SECONDS[JIO_UNITS[k]] for k, v in delta.items() if k in JIO_UNITS and v)


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= max(1.0, 0.01 * max(abs(a), abs(b)))


def compare_days(ours, start, end):
    """Verdict for their day range [start, end] against our interval."""
    if ours is None:
        return "differs"
    if (start, end) == (ours["start"], ours["end"]):
        return "agree"
    if start <= ours["start"] and ours["end"] <= end or ours["start"] <= start and end <= ours["end"]:
        return "granularity"
    if start[5:] == ours["start"][5:] and start[:4] != ours["start"][:4]:
        return "year-choice"
    return "differs"


def check_jionlp(row, base):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            res = jio.parse_time(row["span"], time_base=base)
    except Exception as err:  # JioNLP raises on what it cannot read
        return "not-parsed", type(err).__name__
    kind, value = res.get("type"), res.get("time")
    if kind in ("time_point", "time_span") and isinstance(value, list) and len(value) == 2:
        start, end = (v[:10] for v in value)
        text = f"{value[0]}..{value[1]}"
        if row["kind"] == "DURATION":
            return "differs", text
        if "inf" in (value[0], value[1]):
            return "granularity", text
        if row["value"].count("T") and row["kind"] == "DATE" and value[0][11:16] != row["value"][-5:]:
            return "differs", text
        return compare_days(row["interval"], start, end), text
    if kind == "time_delta":
        delta = value[0] if isinstance(value, list) else value
        ours = duration_seconds(row["value"]) if row["kind"] != "DATE" else None
        return ("agree" if close(ours, delta_seconds(delta)) else "differs"), json.dumps(delta, ensure_ascii=False)
    return "differs", kind or "?"


def check_timenlp(row, tn):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            res = tn.parse(row["span"], arrow.get(row["recordedAt"]))
    except Exception as err:
        return "not-parsed", type(err).__name__
    kind = res.get("type")
    if kind == "timestamp":
        stamp = res["timestamp"]
        now = arrow.utcnow()
        around_now = {now.shift(days=d).format("YYYY-MM-DD") for d in (-1, 0, 1)}  # its time zone may differ
        if stamp[:10] in around_now and stamp[:10] != row["recordedAt"]:
            return "not-parsed", stamp  # Time-NLP answers with the wall clock when it read nothing

        if row["kind"] == "DURATION":
            return "differs", stamp
        if row["kind"] == "DATE" and "T" in row["value"] and not row["value"].startswith("XXXX-XX-XX") and stamp[11:16] != row["value"][-5:]:
            return "differs", stamp
        ours = row["interval"]
        if ours is None:
            # A bare clock (XXXX-XX-XXTHH:MM): compare the time of day only.
            same_clock = row["value"].startswith("XXXX-XX-XXT") and stamp[11:16] == row["value"][-5:]
            return ("agree" if same_clock else "differs"), stamp
        day = stamp[:10]
        if ours["start"] <= day <= ours["end"]:
            return ("agree" if ours["start"] == ours["end"] else "granularity"), stamp
        return ("year-choice" if day[5:] == ours["start"][5:] else "differs"), stamp
    if kind == "timedelta":
        ours = duration_seconds(row["value"]) if row["kind"] != "DATE" else None
        return ("agree" if close(ours, delta_seconds(res["timedelta"])) else "differs"), json.dumps(res["timedelta"])
    if kind == "timespan":
        span = res.get("timespan", [])
        return ("granularity" if span and row["interval"] else "differs"), "..".join(span)
    return "not-parsed", res.get("error", kind or "?")


def numbers_in(text):
    return [int(n) for n in re.findall(r"\d+", text)]


def check_cn2an(row):
    if not CN_NUMERAL.search(row["span"]):
        return "n/a", ""
    try:
        converted = cn2an.transform(row["span"], "cn2an")
    except Exception as err:
        return "not-parsed", type(err).__name__
    ours = set(numbers_in(row["value"].replace("T", " ")))
    theirs = numbers_in(converted)
    # Folded on our side: a two-digit year is expanded (零九 → 2009), an afternoon hour is on the 24-hour clock
    # (下午三点 → 15), seconds are dropped from DATE values, a half or a quarter is carried into the next unit,
    # 几 stays X (二十几 → 2X) and 这一周 is "this week", not one week.
    def folded(n):
        return n < 100 and (2000 + n in ours or 1900 + n in ours) or n + 12 in ours or (n == 1 and "这一" in row["span"])
    missing = [n for n in theirs if n not in ours and not folded(n)]
    if re.search(r"[半刻几]|秒", row["span"]) and row["kind"] in ("DATE", "RELATIVE", "DURATION"):
        missing = [n for n in missing if not re.search(r"[半刻几]", row["span"]) and str(n) not in converted.split("分")[-1]]
    return ("agree" if not missing else "differs"), converted


# Why a reference parser answers otherwise; each code is a decision written in docs/time-annotation.md §8.
OUTCOMES = {
    "P": "the parser does not read the span",
    "D1": "a yearless date in a past narrative is the latest one on or before the reference (not the next one)",
    "D2": "a day-only or month-relative date takes its month from the narrative, else the latest before the reference",
    "D3": "a clock with no written day keeps an unknown date (XXXX-XX-XXT..)",
    "D4": "a clock after a deictic day takes that day and its period (昨晚|8点 → 20:00 the day before)",
    "D5": "resolved intervals are whole days: an offset in hours or minutes lands on a day",
    "D6": "以前/之前/以后/之后 read as 前/后, a point, not an open range",
    "D7": "an offset after an event counts from that event, not from the reference",
    "D8": "a coarser, finer or slightly shifted interval for the same expression (旬, 初, 近N, a week for N周后, a half month)",
    "D9": "a range inside one expression keeps its lower bound (guideline §1)",
    "D10": "an evening word with a small hour is the small hours of the night (晚2点半 → 02:30)",
    "D11": "an unstated digit stays X (二十几年前 → -P2XY, unresolved); no range is invented for it",
    "E1": "the parser reads a written date or a deictic as a length",
    "E2": "the parser reads a length or a range as a date",
    "E3": "the parser drops 半, 又 or a second component of a compound length",
    "E4": "the parser misreads the numerals, the month or the day",
    "E5": "the parser drops a day written without 日/号 (二零一五年三月三, 2011年3月21) and answers the month",
}
RANGE = re.compile(r"[0-9一二三四五六七八九十]\s*(?:个|[年月周天日])?\s*(?:-|~|到|至|—{1,2}|–)\s*[0-9一二三四五六七八九十]")
DAY_ONLY = re.compile(r"^(?:同月|当月|上上|下下|上|下|本|这)?个?月?[\d一二三四五六七八九十]+[日号]")


def near(a, b, days=31):
    """Whether two YYYY-MM-DD days lie within `days` of each other."""
    try:
        return abs((arrow.get(a) - arrow.get(b)).days) <= days
    except (arrow.parser.ParserError, ValueError):
        return False


def explain(row, verdict, their):
    """The documented outcome code for a disagreement ('' when the parser agrees)."""
    if verdict in ("agree", "n/a"):
        return ""
    if verdict == "not-parsed":
        return "P"
    kind, value, span = row["kind"], row["value"], row["span"]
    is_delta = their.startswith("{")
    if kind == "EVENT_RELATIVE":
        return "D7"
    if is_delta and (kind == "DATE" or re.fullmatch(r"-?P0?[01]?W", value) and not re.search(r"\d", span)):
        return "E1"
    if "X" in value and kind != "DATE":
        return "D11"
    if kind == "RELATIVE" and not is_delta and (m := re.search(r"(\d+)([月日])[前后]", span)) and their[5:7 if m.group(2) == "月" else 10][-2:].lstrip("0") == m.group(1):
        return "E2"
    if kind == "DURATION" and not is_delta:
        return "D9" if RANGE.search(span) else "E2"
    if value.startswith("XXXX-XX-XXT"):
        return "D3"
    if verdict == "year-choice" or kind == "DATE" and their[:4].isdigit() and their[:4] != value[:4] and their[5:7] == value[5:7]:
        return "D1"
    if kind == "DATE" and DAY_ONLY.match(span) and their[:7] == row["recordedAt"][:7]:
        return "D2"
    if re.search(r"[晚夜]", span) and "T0" in value:
        return "D10"
    # Only a clock alone in its span: the day (and the period) were said by the deictic before it.
    if kind == "DATE" and "T" in value and not re.search(r"[月日号/.\-]", span) and (their[:10] != value[:10] or their[11:13] != value[11:13]):
        return "D4"
    if kind == "RELATIVE" and re.search(r"T\d", value):
        return "D5"
    if "inf" in their:
        return "D6"
    ours = row["interval"]
    if kind == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and their[:10] == value[:8] + "01" and not re.search(r"[日号]$", span):
        return "E5"
    if verdict == "granularity" or ours and their[:4].isdigit() and near(their[:10], ours["start"]):
        return "D8"
    if RANGE.search(span):
        return "D9"
    if is_delta and re.search(r"[半又]|\d[天周月年][\d一二三四五六七八九十]", span):
        return "E3"
    return "E4"


def main(ours_path, report_path):
    rows = [json.loads(line) for line in open(ours_path, encoding="utf-8") if line.strip()]
    tn = TimeNormalizer(isPreferFuture=False)
    summary = Counter()
    outcomes = Counter()
    with open(report_path, "w", encoding="utf-8") as out:
        out.write("id\tpart\tspan\tkind\tvalue\tinterval\tjionlp\tjionlp_verdict\tjionlp_outcome\ttimenlp\ttimenlp_verdict\ttimenlp_outcome\tcn2an\tcn2an_verdict\n")
        for row in rows:
            base = time.mktime(time.strptime(row["recordedAt"], "%Y-%m-%d"))
            jv, jt = check_jionlp(row, base)
            tv, tt = check_timenlp(row, tn)
            cv, ct = check_cn2an(row)
            jo, to = explain(row, jv, jt), explain(row, tv, tt)
            for parser, verdict in (("jionlp", jv), ("timenlp", tv), ("cn2an", cv)):
                summary[(parser, verdict)] += 1
            for parser, outcome in (("jionlp", jo), ("timenlp", to)):
                if outcome:
                    outcomes[(parser, outcome)] += 1
            interval = f"{row['interval']['start']}..{row['interval']['end']}" if row["interval"] else row["reason"] or ""
            cells = [row["id"], row["part"], row["span"], row["kind"], row["value"], interval, jt, jv, jo, tt, tv, to, ct, cv]
            out.write("\t".join(str(c).replace("\t", " ") for c in cells) + "\n")
    print(f"{len(rows)} TIMEX compared; report: {report_path}")
    for parser in ("jionlp", "timenlp", "cn2an"):
        counts = {v: n for (p, v), n in sorted(summary.items()) if p == parser}
        print(f"  {parser:8s} " + "  ".join(f"{v} {n}" for v, n in counts.items()))
    print("disagreements by documented outcome (docs/time-annotation.md §8):")
    for code in OUTCOMES:
        cells = [f"{p} {outcomes[(p, code)]}" for p in ("jionlp", "timenlp") if outcomes[(p, code)]]
        if cells:
            print(f"  {code:4s} {', '.join(cells):28s} {OUTCOMES[code]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
