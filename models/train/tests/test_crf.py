import itertools
import math

import torch

from oncotimeline_train.crf import CRF, viterbi
from oncotimeline_train.labels import bioes_labels
from oncotimeline_train.onnx_predict import viterbi_np

LABELS = bioes_labels(["A", "B"])  # 9 labels


def make_crf(seed=0):
    torch.manual_seed(seed)
    crf = CRF(LABELS)
    with torch.no_grad():
        crf.transitions.normal_()
        crf.start.normal_()
        crf.end.normal_()
    return crf


def path_score(em, trans, start, end, path):
    s = start[path[0]] + em[0, path[0]]
    for t in range(1, len(path)):
        s = s + trans[path[t - 1], path[t]] + em[t, path[t]]
    return s + end[path[-1]]


def test_viterbi_matches_brute_force():
    for seed in range(6):
        crf = make_crf(seed)
        trans, start, end = (x.detach().double() for x in crf.scores())
        for n in (1, 2, 3, 4):
            em = torch.randn(n, len(LABELS), dtype=torch.float64) * 3
            best = max(itertools.product(range(len(LABELS)), repeat=n),
                       key=lambda p: float(path_score(em, trans, start, end, p)))
            assert viterbi(em, trans, start, end) == list(best)
            assert viterbi_np(em.numpy(), trans.numpy(), start.numpy(), end.numpy()) == list(best)


def test_nll_matches_brute_force_partition():
    crf = make_crf(3)
    trans, start, end = crf.scores()
    n = 3
    em = torch.randn(1, n, len(LABELS))
    tags = torch.tensor([[1, 3, 0]])  # B-A E-A O
    mask = torch.ones(1, n, dtype=torch.bool)
    log_z = torch.logsumexp(torch.stack([path_score(em[0], trans, start, end, p)
                                         for p in itertools.product(range(len(LABELS)), repeat=n)]), 0)
    expected = log_z - path_score(em[0], trans, start, end, tags[0].tolist())
    assert math.isclose(float(crf.nll(em, tags, mask)), float(expected), rel_tol=1e-4, abs_tol=1e-4)


def test_masked_positions_do_not_change_nll():
    crf = make_crf(4)
    em = torch.randn(1, 5, len(LABELS))
    tags = torch.tensor([[4, 0, 0, 0, 0]])
    short = crf.nll(em[:, :2], tags[:, :2], torch.ones(1, 2, dtype=torch.bool))
    padded = crf.nll(em, tags, torch.tensor([[True, True, False, False, False]]))
    assert torch.allclose(short, padded)


def test_decode_respects_constraints():
    crf = make_crf(5)
    paths = crf.decode(torch.randn(4, 12, len(LABELS)) * 5, torch.ones(4, 12, dtype=torch.bool))
    for p in paths:
        tags = [LABELS[i] for i in p]
        assert tags[0][0] in "OBS" and tags[-1][0] in "OES"


def test_validation_errors():
    crf = make_crf()
    import pytest

    with pytest.raises(ValueError, match="emissions must be"):
        crf.decode(torch.randn(1, 3, 4), torch.ones(1, 3, dtype=torch.bool))
    with pytest.raises(ValueError, match="mask must be"):
        crf.decode(torch.randn(1, 3, len(LABELS)), torch.ones(1, 2, dtype=torch.bool))
