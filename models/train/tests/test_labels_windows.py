import random

import pytest

from oncotimeline_train.labels import CCKS2019_TYPES, allowed, bioes_labels, spans_to_tags, tags_to_spans
from oncotimeline_train.windows import make_windows, merge_window_spans


def random_spans(rng, n, types=CCKS2019_TYPES):
    spans, i = [], 0
    while i < n:
        i += rng.randint(0, 6)
        length = rng.randint(1, 12)
        if i + length > n:
            break
        spans.append((i, i + length, rng.choice(types)))
        i += length
    return spans


def test_tags_spans_round_trip():
    rng = random.Random(0)
    for _ in range(200):
        n = rng.randint(0, 80)
        spans = random_spans(rng, n)
        tags = spans_to_tags(n, spans)
        assert tags_to_spans(tags) == spans
        for a, b in zip(tags, tags[1:]):
            assert allowed(a, b)


def test_invalid_runs_yield_nothing():
    assert tags_to_spans(["I-药物", "E-药物"]) == []
    assert tags_to_spans(["B-药物", "I-药物", "O"]) == []
    assert tags_to_spans(["B-药物", "E-手术"]) == []
    assert tags_to_spans(["B-药物", "S-手术", "E-药物"]) == [(1, 2, "手术")]


def test_labels_order():
    labels = bioes_labels(CCKS2019_TYPES)
    assert labels[0] == "O" and len(labels) == 1 + 4 * len(CCKS2019_TYPES)


@pytest.mark.parametrize("n,size,overlap", [(0, 10, 2), (5, 10, 2), (10, 10, 2), (11, 10, 2), (57, 10, 4), (1003, 500, 100), (1664, 500, 100)])
def test_windows_cover_and_own_partition(n, size, overlap):
    ws = make_windows(n, size, overlap)
    assert ws[0].start == 0 and ws[-1].end == n
    assert all(w.end - w.start == min(size, n) for w in ws)
    assert ws[0].own_start == 0 and ws[-1].own_end == n
    for a, b in zip(ws, ws[1:]):
        assert a.own_end == b.own_start and b.start < a.end  # owned ranges tile [0, n); windows overlap
        assert a.start <= b.own_start < a.end
    for w in ws:
        assert w.start <= w.own_start <= w.own_end <= w.end


def test_windowing_loses_no_entity():
    """Perfect per-window predictions (the gold spans a window fully contains) merge back to exactly the gold."""
    rng = random.Random(1)
    for _ in range(200):
        n = rng.randint(1, 700)
        gold = random_spans(rng, n)
        ws = make_windows(n, 64, 24)  # overlap (24) ≥ 2 × longest entity (12): every entity lies in its owner
        per = [[s for s in gold if s[0] >= w.start and s[1] <= w.end] for w in ws]
        assert merge_window_spans(ws, per) == gold


def test_merge_drops_overlaps():
    ws = make_windows(30, 20, 10)
    merged = merge_window_spans(ws, [[(12, 16, "药物")], [(14, 18, "手术"), (16, 20, "药物")]])
    assert merged == [(12, 16, "药物"), (16, 20, "药物")]


def test_bad_window_config():
    with pytest.raises(ValueError):
        make_windows(10, 5, 5)
