"""Strict span-level precision / recall / F1: a prediction counts only with exact start, end and type."""
from __future__ import annotations

from collections import Counter

Span = tuple[int, int, str]


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def strict_scores(gold: list[list[Span]], pred: list[list[Span]]) -> dict:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold records vs {len(pred)} predicted")
    tp, ng, np_ = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            np_[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    types = sorted(set(ng) | set(np_))
    return {
        "micro": prf(sum(tp.values()), sum(np_.values()), sum(ng.values())),
        "perType": {t: prf(tp[t], np_[t], ng[t]) for t in types},
        "records": len(gold),
    }
