"""Network ranker experiment: the cover features match cover-features.ts, and the network learns what a line cannot."""
from __future__ import annotations

import numpy as np

from oncotimeline_train.network_ranker_experiment import cover_features, explained_positions, mlp_predict, shorthand, train_mlp


def test_explained_positions_match_the_typescript_examples():
    assert shorthand("肺继发恶性肿瘤") == "肺转移"
    assert explained_positions("左乳腺癌伴骨转移", "乳腺恶性肿瘤").tolist() == [0, 1, 1, 1, 0, 0, 0, 0]
    assert explained_positions("左乳腺癌伴骨转移", "骨继发恶性肿瘤").tolist() == [0, 0, 0, 0, 0, 1, 1, 1]
    assert explained_positions("高血压", "血友病").tolist() == [0, 0, 0]


def test_cover_features_tell_a_rival_from_a_second_diagnosis():
    masks = [np.array([1, 1, 0, 0]), np.array([1, 1, 0, 0]), np.array([0, 0, 1, 1])]
    f = cover_features(masks, np.array([1, 1, 1, 1]), np.array([0.9, 0.5, 0.2]))
    np.testing.assert_allclose(f, [[0.5, 1, 0.5, 0.5, 1], [0.5, 0, 0, 0.5, 0.5], [0.5, 1, 0.5, 0, 0.5]])


def test_network_fits_xor():
    X = np.array([[a, b] for a in (0, 1) for b in (0, 1)] * 100, dtype=float)
    y = (X[:, 0] != X[:, 1]).astype(float)
    net = train_mlp(X, y, hidden=8, epochs=200, batch=32, lr=0.01, weight_decay=0.0)
    p = mlp_predict(net, np.array([[0, 1], [1, 0], [0, 0], [1, 1]], dtype=float))
    assert p[0] > 0.8 and p[1] > 0.8 and p[2] < 0.2 and p[3] < 0.2
