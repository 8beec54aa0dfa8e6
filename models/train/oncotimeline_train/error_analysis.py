"""Where the served model goes wrong on the dev splits: every error put in one class, per type, with the most
frequent patterns, so a fix can say what it is expected to recover.

    python -m oncotimeline_train.error_analysis --model models/ccks-union-hybrid [--json OUT.json] [--markdown OUT.md]

Classes (strict matching: an entity is right only with the same start, end and type):
- ``boundary``: a predicted span overlaps a gold span of the same type but its start or end differs;
- ``type``: same start and end as a gold span, another type;
- ``boundary+type``: overlaps a gold span of another type with other bounds;
- ``miss``: a gold span no prediction overlaps;
- ``spurious``: a predicted span that overlaps no gold span.
Each gold span and each prediction is counted once: a gold span is matched by its exact prediction first, then by the
overlapping prediction that shares the most characters (same type preferred).

Patterns describe an error without the record's text beyond the span itself (e.g. ``boundary 实验室检验 pred adds
'(-)' at the end``), so the report can be committed: it quotes short entity spans, as the model card's examples do,
never whole sentences.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int, str]
CLASSES = ("boundary", "type", "boundary+type", "miss", "spurious")


@dataclass(frozen=True)
class Error:
    cls: str
    gold: Span | None
    pred: Span | None

    @property
    def type(self) -> str:
        """The type the error is charged to: the gold type when there is a gold span, else the predicted type."""
        return (self.gold or self.pred)[2]  # type: ignore[index]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def classify(gold: list[Span], pred: list[Span]) -> tuple[int, list[Error]]:
    """True positives and the errors of one record (strict matching)."""
    gold_left = set(gold)
    pred_left = set(pred)
    exact = gold_left & pred_left
    gold_left -= exact
    pred_left -= exact
    errors: list[Error] = []
    # Same bounds, other type.
    by_bounds = {(s, e): (s, e, t) for s, e, t in pred_left}
    for g in sorted(gold_left):
        p = by_bounds.get((g[0], g[1]))
        if p is not None and p in pred_left:
            errors.append(Error("type", g, p))
            gold_left.discard(g)
            pred_left.discard(p)
    # Overlapping: the best partner of each remaining gold span (same type first, then most shared characters).
    for g in sorted(gold_left):
        partners = [p for p in pred_left if _overlap(g, p) > 0]
        if not partners:
            continue
        p = max(partners, key=lambda q: (q[2] == g[2], _overlap(g, q), -q[0]))
        errors.append(Error("boundary" if p[2] == g[2] else "boundary+type", g, p))
        gold_left.discard(g)
        pred_left.discard(p)
    for g in sorted(gold_left):
        # A gold span whose overlapping predictions all went to other gold spans is still a boundary problem of those,
        # but for this span nothing was predicted on its own: a miss.
        errors.append(Error("miss", g, None))
    for p in sorted(pred_left):
        # Overlapping a gold span already paired with another prediction: a split or duplicate piece of it.
        overlapped = any(_overlap(p, g) > 0 for g in gold)
        errors.append(Error("boundary" if overlapped else "spurious", None, p))
    return len(exact), errors


def _edge_diff(text: str, gold: Span, pred: Span) -> str:
    """How a prediction's bounds differ from the gold span's, as short strings of the characters added or dropped."""
    parts = []
    if pred[0] < gold[0]:
        parts.append(f"adds '{text[pred[0]:gold[0]]}' before")
    elif pred[0] > gold[0]:
        parts.append(f"drops '{text[gold[0]:pred[0]]}' at the start")
    if pred[1] > gold[1]:
        parts.append(f"adds '{text[gold[1]:pred[1]]}' after")
    elif pred[1] < gold[1]:
        parts.append(f"drops '{text[pred[1]:gold[1]]}' at the end")
    return ", ".join(parts)


def pattern(text: str, err: Error) -> str:
    """A short, countable description of an error (spans of at most a few characters are quoted)."""
    if err.cls == "type":
        return f"type: gold {err.gold[2]} predicted {err.pred[2]}"  # type: ignore[index]
    if err.cls in ("boundary", "boundary+type") and err.gold is not None and err.pred is not None:
        diff = _edge_diff(text, err.gold, err.pred)
        if len(diff) > 40:
            diff = "longer span change"
        if err.cls == "boundary":
            return f"boundary {err.gold[2]} pred {diff}"
        return f"boundary+type: gold {err.gold[2]} predicted {err.pred[2]}; pred {diff}"
    if err.cls == "boundary":  # an extra prediction overlapping an already matched gold span (split or duplicate)
        return f"boundary {err.pred[2]} extra overlapping piece"  # type: ignore[index]
    span = err.gold if err.cls == "miss" else err.pred
    s = text[span[0]:span[1]]  # type: ignore[index]
    return f"{err.cls} {span[2]} '{s}'" if len(s) <= 8 else f"{err.cls} {span[2]} (span of {len(s)} chars)"  # type: ignore[index]


def analyse(records, preds) -> dict:
    """Counts per class and type, scores, and the most frequent patterns over records (each with .text, .entities)."""
    per_type: dict[str, Counter] = defaultdict(Counter)
    patterns: Counter = Counter()
    examples: dict[str, str] = {}
    tp_total = 0
    gold_total = pred_total = 0
    for r, p in zip(records, preds):
        gold = [tuple(x) for x in r.entities]
        pred = [tuple(x) for x in p]
        tp, errs = classify(gold, pred)
        tp_total += tp
        gold_total += len(gold)
        pred_total += len(pred)
        for g in gold:
            per_type[g[2]]["gold"] += 1
        for s, e, t in set(gold) & set(pred):
            per_type[t]["tp"] += 1
        for err in errs:
            per_type[err.type][err.cls] += 1
            key = pattern(r.text, err)
            patterns[key] += 1
            if key not in examples and err.gold is not None:
                examples[key] = f"gold '{r.text[err.gold[0]:err.gold[1]]}'" + (
                    f" / pred '{r.text[err.pred[0]:err.pred[1]]}'" if err.pred is not None else "")
    errors_total = sum(c[k] for c in per_type.values() for k in CLASSES)
    p = tp_total / pred_total if pred_total else 0.0
    rr = tp_total / gold_total if gold_total else 0.0
    return {
        "records": len(records),
        "micro": {"precision": p, "recall": rr, "f1": 2 * p * rr / (p + rr) if p + rr else 0.0,
                  "tp": tp_total, "gold": gold_total, "pred": pred_total},
        "errors": errors_total,
        "byClass": {k: sum(c[k] for c in per_type.values()) for k in CLASSES},
        "byType": {t: {k: c[k] for k in ("gold", "tp", *CLASSES)} for t, c in sorted(per_type.items())},
        "topPatterns": [{"pattern": k, "count": n, "example": examples.get(k)} for k, n in patterns.most_common(15)],
    }


def to_markdown(title: str, report: dict) -> str:
    m = report["micro"]
    lines = [f"### {title}", "",
             f"{report['records']} records; strict micro P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} "
             f"(tp {m['tp']}, gold {m['gold']}, pred {m['pred']}); {report['errors']} errors.", "",
             "| type | gold | tp | " + " | ".join(CLASSES) + " |", "| --- | ---: | ---: | " + " | ".join("---:" for _ in CLASSES) + " |"]
    for t, c in report["byType"].items():
        lines.append(f"| {t} | {c['gold']} | {c['tp']} | " + " | ".join(str(c[k]) for k in CLASSES) + " |")
    total = report["byClass"]
    lines.append(f"| **all** | {m['gold']} | {m['tp']} | " + " | ".join(f"**{total[k]}**" for k in CLASSES) + " |")
    lines += ["", "| # | pattern | count | example |", "| ---: | --- | ---: | --- |"]
    for i, row in enumerate(report["topPatterns"][:10], 1):
        lines.append(f"| {i} | {row['pattern']} | {row['count']} | {row['example'] or ''} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    from .data import load_ccks2017, load_ccks2019, split, split_ccks2017
    from .onnx_predict import OnnxTagger

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="served model folder")
    ap.add_argument("--data", default=None, help="CCKS 2019 folder (default: the training data path)")
    ap.add_argument("--ccks2017-data", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the full report here")
    ap.add_argument("--markdown", type=Path, help="write the tables here")
    args = ap.parse_args(argv)

    tagger = OnnxTagger(args.model, None, threads=args.threads)
    heads = [h.name for h in tagger.heads]
    _, dev19 = split(load_ccks2019(args.data))
    reports = {"ccks2019": analyse(dev19, [tagger.predict(r.text, head=heads[0]) for r in dev19])}
    if "ccks2017" in heads:
        _, dev17 = split_ccks2017(load_ccks2017(args.ccks2017_data))
        reports["ccks2017"] = analyse(dev17, [tagger.predict(r.text, head="ccks2017") for r in dev17])
    md = "".join(to_markdown(f"{name} head on its dev split", rep) + "\n" for name, rep in reports.items())
    print(md)
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=2))
    if args.markdown:
        args.markdown.write_text(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
