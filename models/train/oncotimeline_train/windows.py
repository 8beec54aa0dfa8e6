"""Overlapping windows over long records and the merge back (docs/CONTRACTS.md, "Windowing")."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    start: int  # first token (inclusive)
    end: int  # last token (exclusive)
    own_start: int  # entities starting in [own_start, own_end) belong to this window
    own_end: int


def make_windows(n: int, size: int, overlap: int) -> list[Window]:
    if size <= 0 or not 0 <= overlap < size:
        raise ValueError(f"window size {size} / overlap {overlap} invalid: need 0 <= overlap < size")
    if n <= size:
        return [Window(0, n, 0, n)]
    stride = size - overlap
    spans: list[tuple[int, int]] = []
    start = 0
    while start + size < n:
        spans.append((start, start + size))
        start += stride
    if spans[-1][1] < n:
        spans.append((n - size, n))
    owns = [0] + [(spans[k][0] + spans[k - 1][1]) // 2 for k in range(1, len(spans))] + [n]
    return [Window(s, e, owns[k], owns[k + 1]) for k, (s, e) in enumerate(spans)]


Span = tuple[int, int, str]  # (start, end, label), token offsets, end exclusive


def merge_window_spans(windows: list[Window], per_window: list[list[Span]]) -> list[Span]:
    """Keep each window's spans that start in its owned range (offsets already absolute), drop overlaps."""
    kept: list[Span] = []
    for w, spans in zip(windows, per_window):
        kept.extend(s for s in spans if w.own_start <= s[0] < w.own_end)
    kept.sort(key=lambda s: (s[0], s[1]))
    out: list[Span] = []
    for s in kept:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out
