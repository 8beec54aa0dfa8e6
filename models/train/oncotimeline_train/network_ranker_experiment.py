"""Offline experiment behind concept index 3.x: does a small network rank diagnosis candidates better than logistic
stages, and what do a stacked third stage and its cover features add?

Reads the candidate features build-index dumps (`--dump-features`: out-of-fold train candidates, then dev candidates;
with index 3.x code the 29 features include the character-IDF coverage ones) and the texts and label names that
`write-encoder-inputs.ts` wrote, then:

- `mlp`: first stage logistic (as train-ranker.ts), second stage a one-hidden-layer ReLU network (PyTorch, Adam) over
  the features and the context features (context-features.ts); the cut is tuned on 5-fold out-of-fold network
  probabilities (text index % 5), as build-index.ts does.
- `stage3`: a second network stacked on the second stage's out-of-fold probabilities, with the context features again
  and the cover features (cover-features.ts: which characters of the text a candidate explains that likelier ones do
  not).

    npx tsx tools/concept-index/build-index.ts --part train --out .cache/concept-index/b3 \\
      --dump-features .cache/concept-index/features-3.0.jsonl
    npx tsx tools/concept-index/write-encoder-inputs.ts
    python -m oncotimeline_train.network_ranker_experiment --features ../../.cache/concept-index/features-3.0.jsonl \\
      --which stage3

Result (2026-12-06, dev micro-F1): logistic stages 0.635, `mlp` 0.652, `stage3` 0.658 (TypeScript build: 0.656 at
30 epochs, 0.661 at 60). Table: src/normalise/README.md, "Index 3.x".
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import torch

from .concept_encoder import DENSE_DIR
from .dense_ranker_experiment import context_features, fit_logistic, groups_of, load_dump, predict, score, tune_cut

CONTENT = re.compile(r"[\u4e00-\u9fffA-Z0-9]")


def fold(text: str) -> str:
    """fold-text.ts: NFKC, upper case, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).upper())


def shorthand(name: str) -> str:
    """idf-cover.ts: 继发恶性肿瘤 → 转移, 恶性肿瘤 → 癌."""
    return name.replace("继发恶性肿瘤", "转移").replace("恶性肿瘤", "癌")


def explained_positions(text: str, name: str) -> np.ndarray:
    """cover-features.ts explainedPositions: LCS of text and shorthand name, matched characters with a matched
    neighbour (unless the name is one character), content characters only → (len(text),) 0/1."""
    a, b = text, shorthand(name)
    n, m = len(a), len(b)
    out = np.zeros(n, dtype=np.int8)
    if n == 0 or m == 0:
        return out
    d = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i, j] = d[i - 1, j - 1] + 1 if a[i - 1] == b[j - 1] else max(d[i - 1, j], d[i, j - 1])
    matched = np.zeros(n + 2, dtype=bool)  # padded: matched[k + 1] is position k
    i, j = n, m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            matched[i] = True
            i -= 1
            j -= 1
        elif d[i - 1, j] >= d[i, j - 1]:
            i -= 1
        else:
            j -= 1
    for k in range(n):
        if matched[k + 1] and CONTENT.match(a[k]) and (m == 1 or matched[k] or matched[k + 2]):
            out[k] = 1
    return out


def cover_features(masks: list[np.ndarray], content: np.ndarray, p: np.ndarray, claims: float = 0.3) -> np.ndarray:
    """cover-features.ts coverFeatures → (len(p), 5)."""
    total = max(1, int(content.sum()))
    claimed = np.zeros(len(content), dtype=bool)
    out = np.zeros((len(p), 5))
    for r in sorted(range(len(p)), key=lambda i: (-p[i], i)):
        mask = masks[r].astype(bool)
        mine = int(mask.sum())
        novel = int((mask & ~claimed).sum())
        open_ = content.astype(bool) & ~claimed
        out[r] = [mine / total, novel / max(mine, 1), novel / total, int((open_ & ~mask).sum()) / total, int(open_.sum()) / total]
        if p[r] >= claims:
            claimed |= mask
    return out


def train_mlp(X: np.ndarray, y: np.ndarray, hidden: int = 32, epochs: int = 30, weight_decay: float = 1e-4,
              seed: int = 0, batch: int = 1024, lr: float = 3e-3) -> torch.nn.Module:
    """train-ranker.ts fitMlp's recipe in PyTorch (one thread)."""
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(X.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1))
    opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=weight_decay)
    Xt = torch.tensor(X, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.float32)
    for _ in range(epochs):
        perm = torch.randperm(len(Xt))
        for b in range(0, len(Xt), batch):
            idx = perm[b : b + batch]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(net(Xt[idx]).squeeze(1), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return net


def mlp_predict(net: torch.nn.Module, X: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return torch.sigmoid(net(torch.tensor(X, dtype=torch.float32)).squeeze(1)).numpy()


def out_of_fold(F: np.ndarray, y: np.ndarray, t: np.ndarray, is_dev: np.ndarray, folds: int = 5, **kw) -> np.ndarray:
    """Train rows scored by networks fitted on the other folds (text index % folds); dev rows by one fitted on all."""
    tr = ~is_dev
    p = np.zeros(len(y))
    for k in range(folds):
        fit, held = tr & (t % folds != k), tr & (t % folds == k)
        p[held] = mlp_predict(train_mlp(F[fit], y[fit], **kw), F[held])
    p[is_dev] = mlp_predict(train_mlp(F[tr], y[tr], **kw), F[is_dev])
    return p


def run(features: Path, which: str = "stage3", epochs: int = 30, dense_dir: Path = DENSE_DIR) -> dict:
    inputs = json.loads((dense_dir / "inputs.json").read_text(encoding="utf-8"))
    names, cats = inputs["labels"], np.array(inputs["categories"])
    is_dev, t, lab, y, X = load_dump(features)
    G = {"train": groups_of(~is_dev, t, len(inputs["train"])), "dev": groups_of(is_dev, t, len(inputs["dev"]))}
    gcount = {}
    with features.open() as fh:
        for line in fh:
            d = json.loads(line)
            gcount[(d["s"] == "dev", d["t"])] = d["g"]
    gold = {s: np.array([gcount.get((s == "dev", i), len(it["labels"])) for i, it in enumerate(inputs[s])]) for s in G}

    def ctx(p: np.ndarray) -> np.ndarray:
        return sum(context_features(G[s], p, names, cats, lab) for s in G)

    def cover(p: np.ndarray) -> np.ndarray:
        out = np.zeros((len(p), 5))
        for s in G:
            for i, rows in enumerate(G[s]):
                if len(rows) == 0:
                    continue
                text = fold(inputs[s][i]["text"])
                content = np.array([1 if CONTENT.match(c) else 0 for c in text], dtype=np.int8)
                out[rows] = cover_features([explained_positions(text, names[lab[r]]) for r in rows], content, p[rows])
        return out

    def report(label: str, p: np.ndarray) -> dict:
        th, fl, oof = tune_cut(G["train"], p, y, gold["train"])
        r = {"oof_f1": round(oof, 4), "threshold": th, "floor": fl, "dev": score(G["dev"], p, y, gold["dev"], th, fl)}
        print(label, r, flush=True)
        return r

    tr = ~is_dev
    p1 = predict(fit_logistic(X[tr], y[tr]), X)
    F2 = np.hstack([X, ctx(p1)])
    result = {}
    p2 = out_of_fold(F2, y, t, is_dev, epochs=epochs)
    result["mlp"] = report("mlp", p2)
    if which == "stage3":
        p3 = out_of_fold(np.hstack([F2, ctx(p2), cover(p2)]), y, t, is_dev, epochs=epochs)
        result["stage3"] = report("stage3", p3)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", type=Path, required=True)
    ap.add_argument("--which", default="stage3", choices=("mlp", "stage3"))
    ap.add_argument("--epochs", type=int, default=30)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.features, args.which, args.epochs), default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
