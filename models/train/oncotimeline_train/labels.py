"""BIOES label set, tags ↔ spans, and the hard constraints on BIOES transitions."""
from __future__ import annotations

CCKS2019_TYPES = ["疾病和诊断", "影像检查", "实验室检验", "手术", "药物", "解剖部位"]
CCKS2017_TYPES = ["症状和体征", "检查和检验", "疾病和诊断", "治疗", "身体部位"]
IMPOSSIBLE = -10000.0  # transition score for moves BIOES cannot make; also exported to crf.json


def bioes_labels(types: list[str]) -> list[str]:
    return ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I", "E", "S")]


def spans_to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, t in spans:
        if e - s == 1:
            tags[s] = f"S-{t}"
        else:
            tags[s] = f"B-{t}"
            for i in range(s + 1, e - 1):
                tags[i] = f"I-{t}"
            tags[e - 1] = f"E-{t}"
    return tags


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """S-X → one-token span; B-X (I-X)* E-X → span; every other run yields nothing (contract)."""
    spans: list[tuple[int, int, str]] = []
    open_start, open_type = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if prefix == "S":
            spans.append((i, i + 1, typ))
            open_start = -1
        elif prefix == "B":
            open_start, open_type = i, typ
        elif prefix == "I":
            if open_start >= 0 and typ != open_type:
                open_start = -1
        elif prefix == "E":
            if open_start >= 0 and typ == open_type:
                spans.append((open_start, i + 1, typ))
            open_start = -1
        else:
            open_start = -1
    return spans


def allowed(prev: str, nxt: str) -> bool:
    """Whether BIOES allows tag `nxt` right after `prev`."""
    pp, _, pt = prev.partition("-")
    np_, _, nt = nxt.partition("-")
    if pp in ("B", "I"):
        return np_ in ("I", "E") and nt == pt
    return np_ in ("O", "B", "S")


def allowed_start(tag: str) -> bool:
    return tag[0] in ("O", "B", "S")


def allowed_end(tag: str) -> bool:
    return tag[0] in ("O", "E", "S")
