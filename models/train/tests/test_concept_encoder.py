"""Bi-encoder and dense-ranker experiment: shapes, unit norms, a loss that falls, and the ranker refit on toy data."""
from __future__ import annotations

import numpy as np
import torch

from oncotimeline_train.concept_encoder import FinetuneConfig, SentenceEncoder, batch_ids, embed, finetune, training_pairs
from oncotimeline_train.dense_ranker_experiment import context_features, fit_logistic, predict, score, tune_cut
from oncotimeline_train.encoder import BertConfig
from oncotimeline_train.tokenizer import CharTokenizer

TINY = BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64,
                  hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)


def make_model(vocab_path) -> tuple[SentenceEncoder, CharTokenizer]:
    torch.manual_seed(0)
    tok = CharTokenizer.from_file(vocab_path)
    return SentenceEncoder(BertConfig(**{**TINY.__dict__, "vocab_size": len(tok.vocab)})), tok


def test_batch_ids_pads_and_wraps(vocab_path):
    tok = CharTokenizer.from_file(vocab_path)
    ids, mask = batch_ids(tok, ["高血压", "癌"])
    assert ids.shape == (2, 5) and mask.tolist() == [[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]]
    assert ids[0, 0] == tok.cls_id and ids[0, 4] == tok.sep_id and ids[1, 3] == tok.pad_id


def test_embed_is_unit_length_and_order_independent(vocab_path):
    model, tok = make_model(vocab_path)
    texts = ["高血压", "乳腺恶性肿瘤", "癌"]
    e = embed(model, tok, texts, batch=2)
    assert e.shape == (3, 32)
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1, atol=1e-5)
    np.testing.assert_allclose(embed(model, tok, texts[::-1], batch=3)[::-1], e, atol=1e-5)


def test_finetune_lowers_the_in_batch_loss(vocab_path):
    model, tok = make_model(vocab_path)
    items = [{"text": t, "labels": [i]} for i, t in enumerate(["高血压病", "糖尿病", "肺癌", "胃炎"])]
    pairs = training_pairs(items, ["高血压", "糖尿病", "肺恶性肿瘤", "胃炎"])
    first = finetune(model, tok, pairs, FinetuneConfig(epochs=1, batch=4, lr=1e-3))
    last = finetune(model, tok, pairs, FinetuneConfig(epochs=20, batch=4, lr=1e-3))
    assert last["loss"] < first["loss"]


def test_ranker_refit_separates_and_cut_selects():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 2))
    y = (X[:, 0] > 0).astype(int)
    w = fit_logistic(X, y)
    assert w[0] > 1 and ((predict(w, X) > 0.5) == y).mean() > 0.95
    groups = [np.arange(i, i + 4) for i in range(0, 400, 4)]
    gold = np.array([y[g].sum() for g in groups])
    t, f, f1 = tune_cut(groups, predict(w, X), y, gold)
    assert f1 > 0.9 and score(groups, predict(w, X), y, gold, t, f)["f1"] > 0.9


def test_context_features_match_the_typescript_example():
    # context-features.ts: contextFeatures(['肺炎', '支气管肺炎'], [0.6, 0.8], [3, 3])
    out = context_features([np.array([0, 1])], np.array([0.6, 0.8]), ["肺炎", "支气管肺炎"], np.array([3, 3]), np.array([0, 1]))
    np.testing.assert_allclose(out, [[0.6, 0.5, 0.75, 0.8, 0, 0.4, 0.8], [0.8, 1, 1, 0, 0.6, 0.4, 0.6]])


def test_tune_cut_counts_only_the_given_texts():
    # Rows 2–3 belong to a text outside `groups` (dev): their predictions must not move the cut or its F1.
    prob = np.array([0.9, 0.1, 0.95, 0.95])
    y = np.array([1, 0, 0, 0])
    _, _, f1 = tune_cut([np.array([0, 1])], prob, y, np.array([1]))
    assert f1 == 1.0
