"""Offline experiment: does bi-encoder similarity help the diagnosis ranker?

Reads the candidate features build-index dumps (`--dump-features`: out-of-fold train candidates, then dev candidates)
and the embeddings `concept_encoder` wrote, and re-fits the same two-stage logistic ranker as
tools/concept-index/train-ranker.ts (Newton, L2 λ = 1; second stage adds context-features.ts; cut tuned for micro-F1
out of fold) with and without the dense features, scoring dev.

    npx tsx tools/concept-index/build-index.ts --part train --version 2.0.0 --out .cache/concept-index/exp-build \
      --dump-features .cache/concept-index/features-2.0.jsonl
    npx tsx tools/concept-index/write-encoder-inputs.ts && python -m oncotimeline_train.concept_encoder embed
    python -m oncotimeline_train.dense_ranker_experiment --features ../../.cache/concept-index/features-2.0.jsonl --which zs

Result (2026-12-06): src/normalise/README.md, "Tried".
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from .concept_encoder import DENSE_DIR


def fit_logistic(X: np.ndarray, y: np.ndarray, lam: float = 1.0, iterations: int = 30) -> np.ndarray:
    """Weights (D + 1, last = bias) minimising log loss + λ/2·|w|², bias unpenalised (as train-ranker.ts)."""
    Xb = np.hstack([X, np.ones((len(X), 1))])  # (N, D + 1)
    w = np.zeros(Xb.shape[1])
    reg = np.full(Xb.shape[1], lam)
    reg[-1] = 0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(Xb @ w)))
        g = Xb.T @ (p - y) + reg * w
        s = np.maximum(p * (1 - p), 1e-9)
        H = (Xb * s[:, None]).T @ Xb + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def predict(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(X @ w[:-1] + w[-1])))


def context_features(groups: list[np.ndarray], p1: np.ndarray, names: list[str], cats: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """context-features.ts, per text group of candidate rows → (N, 7)."""
    out = np.zeros((len(p1), 7))
    for rows in groups:
        p = p1[rows]
        order = sorted(range(len(rows)), key=lambda i: (-p[i], i))
        rank = np.empty(len(rows))
        rank[order] = np.arange(len(rows))
        best = p[order[0]] if len(rows) else 0
        crowd = min(1.0, (p >= 0.3).sum() / 5)
        nm = [names[labels[r]] for r in rows]
        ct = cats[labels[rows]]
        for i, r in enumerate(rows):
            within = contains = sibling = 0.0
            for j in range(len(rows)):
                if j == i:
                    continue
                if ct[j] == ct[i]:
                    sibling = max(sibling, p[j])
                if len(nm[j]) > len(nm[i]) and nm[i] in nm[j]:
                    within = max(within, p[j])
                elif len(nm[j]) < len(nm[i]) and nm[j] in nm[i]:
                    contains = max(contains, p[j])
            out[r] = [p[i], 1 / (1 + rank[i]), p[i] / best if best > 0 else 0, within, contains, crowd, sibling]
    return out


def tune_cut(groups, prob, y, gold) -> tuple[float, float, float]:
    best = (0.5, 0.5, -1.0)
    tops = [rows[np.argmax(prob[rows])] if len(rows) else -1 for rows in groups]
    total_gold = gold.sum()
    member = np.zeros(len(prob), dtype=bool)
    for rows in groups:
        member[rows] = True  # only these texts' candidates count
    for t in np.arange(0.1, 0.9001, 0.02):
        above = (prob >= t) & member
        for f in np.arange(0, t + 1e-9, 0.02):
            pred = above.sum()
            correct = (above & (y == 1)).sum()
            for rows, top in zip(groups, tops):
                if top >= 0 and not above[rows].any() and prob[top] >= f:
                    pred += 1
                    correct += y[top]
            p = correct / pred if pred else 0
            r = correct / total_gold
            f1 = 2 * p * r / (p + r) if p + r else 0
            if f1 > best[2]:
                best = (round(t, 2), round(f, 2), f1)
    return best


def score(groups, prob, y, gold, t, f) -> dict:
    pred = correct = 0
    top1 = 0
    for rows in groups:
        if len(rows) == 0:
            continue
        kept = rows[prob[rows] >= t]
        top = rows[np.argmax(prob[rows])]
        top1 += y[top]
        if len(kept) == 0 and prob[top] >= f:
            kept = np.array([top])
        pred += len(kept)
        correct += y[kept].sum()
    p = correct / pred if pred else 0
    r = correct / gold.sum()
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4), "top1": round(top1 / len(groups), 4)}


def load_dump(path: Path):
    split, t, lab, yv, X = [], [], [], [], []
    for line in path.open():
        d = json.loads(line)
        split.append(d["s"] == "dev")
        t.append(d["t"])
        lab.append(d["l"])
        yv.append(d["y"])
        X.append(d["x"])
    return np.array(split), np.array(t), np.array(lab), np.array(yv), np.array(X)


def groups_of(mask: np.ndarray, t: np.ndarray, n: int) -> list[np.ndarray]:
    rows = np.nonzero(mask)[0]
    out = [[] for _ in range(n)]
    for r in rows:
        out[t[r]].append(r)
    return [np.array(g, dtype=int) for g in out]


def dense_features(groups, t, lab, text_emb, part_emb, part_index, label_emb) -> np.ndarray:
    """Per candidate: cosine with the whole text, best cosine with a part, rank (1/(1+r)) of the best-part cosine
    among the text's candidates, and its gap to the text's best → (N, 4)."""
    out = np.zeros((len(t), 4))
    for ti, rows in enumerate(groups):
        if len(rows) == 0:
            continue
        L = label_emb[lab[rows]]  # (C, H)
        c_text = L @ text_emb[ti]
        a, b = part_index[ti]
        c_part = (L @ part_emb[a:b].T).max(axis=1) if b > a else c_text
        c_best = np.maximum(c_text, c_part)
        order = np.argsort(-c_best, kind="stable")
        rank = np.empty(len(rows))
        rank[order] = np.arange(len(rows))
        out[rows] = np.stack([c_text, c_part, 1 / (1 + rank), c_best - c_best.max()], axis=1)
    return out


def run(features: Path, which: str, dense_dir: Path = DENSE_DIR, oof: tuple[str, ...] = (), even_only: bool = False,
        extra: np.ndarray | None = None) -> dict:
    """`oof`: fine-tuned fold models (fold k trained on train items i % n != k); train item i's dense features then
    come from model i % n, so the ranker learns from similarities of texts the encoder never saw. Dev uses `which`."""
    inputs = json.loads((dense_dir / "inputs.json").read_text(encoding="utf-8"))
    names = [n for n in inputs["labels"]]
    cats = np.array(inputs["categories"])
    is_dev, t, lab, y, X = load_dump(features)
    result = {}
    parts = {}
    for split in ("train", "dev"):
        idx, s = [], 0
        for it in inputs[split]:
            idx.append((s, s + len(it["parts"])))
            s += len(it["parts"])
        parts[split] = idx
    G = {"train": groups_of(~is_dev, t, len(inputs["train"])), "dev": groups_of(is_dev, t, len(inputs["dev"]))}
    # Gold counts include names outside the label space (the CHIP-CDN metric does); the dump carries them.
    gcount = {}
    with features.open() as fh:
        for line in fh:
            d = json.loads(line)
            gcount[(d["s"] == "dev", d["t"])] = d["g"]
    gold = {"train": np.array([gcount.get((False, i), len(it["labels"])) for i, it in enumerate(inputs["train"])]),
            "dev": np.array([gcount.get((True, i), len(it["labels"])) for i, it in enumerate(inputs["dev"])])}
    D = np.zeros((len(t), 4))
    def dense_of(model: str, split: str, groups) -> np.ndarray:
        te = np.load(dense_dir / f"{model}-{split}.npy").astype(np.float32)
        pe = np.load(dense_dir / f"{model}-{split}-parts.npy").astype(np.float32)
        le = np.load(dense_dir / f"{model}-labels.npy").astype(np.float32)
        return dense_features(groups, t, lab, te, pe, parts[split], le)

    if which:
        D += dense_of(which, "dev", G["dev"])
        if oof:
            for k, model in enumerate(oof):
                D += dense_of(model, "train", [g if i % len(oof) == k else np.array([], dtype=int) for i, g in enumerate(G["train"])])
        else:
            D += dense_of(which, "train", G["train"])
    variants = {"baseline": X, "dense": np.hstack([X, D])} if which else {"baseline": X}
    if extra is not None:
        variants = {"dense+knn": np.hstack([X, D, extra]), "knn": np.hstack([X, extra])}
    for name, F in variants.items():
        tr = ~is_dev & ((t % 2 == 0) if even_only else True)
        w1 = fit_logistic(F[tr], y[tr])
        p1 = predict(w1, F)
        C = np.zeros((len(t), 7))
        for split in ("train", "dev"):
            C += context_features(G[split], p1, names, cats, lab)
        F2 = np.hstack([F, C])
        w2 = fit_logistic(F2[tr], y[tr])
        p2 = predict(w2, F2)
        keep = [i for i in range(len(G["train"])) if not even_only or i % 2 == 0]
        th, fl, oof_f1 = tune_cut([G["train"][i] for i in keep], p2, y, gold["train"][keep])
        result[name] = {"oof_f1": round(oof_f1, 4), "threshold": th, "floor": fl,
                        "dev": score(G["dev"], p2, y, gold["dev"], th, fl),
                        "dense_weights": [round(x, 2) for x in w2[X.shape[1]:F.shape[1]]]}
        print(name, result[name], flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--features", type=Path, required=True)
    ap.add_argument("--which", default="zs", help="embedding prefix (zs, ft…); empty for the baseline alone")
    ap.add_argument("--oof", default="", help="comma-separated fold models for the train part (ft0of2,ft1of2)")
    args = ap.parse_args(argv)
    print(json.dumps(run(args.features, args.which, oof=tuple(m for m in args.oof.split(",") if m))))
    return 0



def retrieval_recall(which: str, features: Path, ks=(1, 5, 10, 20, 50), dense_dir: Path = DENSE_DIR) -> dict:
    """Dense retrieval alone (best cosine of the text or a part with each label) on dev: recall@k over in-space gold
    labels, and the recall of the current candidates merged with the dense top k."""
    inputs = json.loads((dense_dir / "inputs.json").read_text(encoding="utf-8"))
    L = np.load(dense_dir / f"{which}-labels.npy").astype(np.float32)
    te = np.load(dense_dir / f"{which}-dev.npy").astype(np.float32)
    pe = np.load(dense_dir / f"{which}-dev-parts.npy").astype(np.float32)
    cands: dict[int, set[int]] = {}
    gold_total = 0
    with features.open() as fh:
        for line in fh:
            d = json.loads(line)
            if d["s"] == "dev":
                cands.setdefault(d["t"], set()).add(d["l"])
    hits = {k: 0 for k in ks}
    merged = {k: 0 for k in ks}
    base = 0
    s = 0
    for i, it in enumerate(inputs["dev"]):
        n = len(it["parts"])
        Q = np.vstack([te[i : i + 1], pe[s : s + n]])  # (1 + parts, H)
        s += n
        sims = (Q @ L.T).max(axis=0)  # (labels,)
        top = np.argsort(-sims)[: max(ks)]
        gold = set(it["labels"])
        gold_total += len(it["names"]) if "names" in it else len(gold)
        c = cands.get(i, set())
        base += len(gold & c)
        for k in ks:
            hits[k] += len(gold & set(top[:k].tolist()))
            merged[k] += len(gold & (c | set(top[:k].tolist())))
    n_gold = sum(len(it["labels"]) for it in inputs["dev"])
    return {"in_space_gold": n_gold, "candidates": round(base / n_gold, 4),
            "dense_at_k": {k: round(v / n_gold, 4) for k, v in hits.items()},
            "merged_at_k": {k: round(v / n_gold, 4) for k, v in merged.items()}}


def merged_run(features: Path, which: str, k: int = 10, dense_dir: Path = DENSE_DIR) -> Path:
    """A copy of the dump for `run` with the dense top k of each text added as candidates. Added candidates carry only
    the features Python can cheaply compute (prior, seen, name length, parts) and an indicator; the rest are 0, so this
    underestimates what they would score with full lexical features. Returns the new dump's path."""
    inputs = json.loads((dense_dir / "inputs.json").read_text(encoding="utf-8"))
    names = inputs["labels"]
    cats = np.array(inputs["categories"])
    is_dev, t, lab, y, X = load_dump(features)
    L = np.load(dense_dir / f"{which}-labels.npy").astype(np.float32)
    freq = np.zeros(len(names))
    for it in inputs["train"]:
        for l in it["labels"]:
            freq[l] += 1
    pmax = np.log1p(freq.max())
    rows_s, rows_t, rows_l, rows_y, rows_x = [], [], [], [], []
    gold_of = {}
    for dev_flag, split in ((False, "train"), (True, "dev")):
        te = np.load(dense_dir / f"{which}-{split}.npy").astype(np.float32)
        pe = np.load(dense_dir / f"{which}-{split}-parts.npy").astype(np.float32)
        have: dict[int, set] = {}
        m = is_dev == dev_flag
        for ti, l in zip(t[m], lab[m]):
            have.setdefault(ti, set()).add(l)
        s = 0
        for i, it in enumerate(inputs[split]):
            n = len(it["parts"])
            Q = np.vstack([te[i : i + 1], pe[s : s + n]])
            s += n
            if i not in have:
                continue
            sims = (Q @ L.T).max(axis=0)
            gold = set(it["labels"])
            for l in np.argsort(-sims)[:k]:
                if l in have[i]:
                    continue
                x = np.zeros(X.shape[1] + 1)
                x[17] = np.log1p(freq[l]) / pmax  # prior
                x[18] = 1.0 if freq[l] > 0 else 0.0  # seen
                x[20] = min(1.0, len(names[l]) / 20)
                x[21] = min(1.0, len(it["parts"]) / 5)
                x[-1] = 1.0  # dense-only candidate
                rows_s.append(dev_flag); rows_t.append(i); rows_l.append(l); rows_y.append(1 if l in gold else 0); rows_x.append(x)
    X = np.vstack([np.hstack([X, np.zeros((len(X), 1))]), np.array(rows_x)])
    is_dev = np.concatenate([is_dev, rows_s]); t = np.concatenate([t, rows_t]); lab = np.concatenate([lab, rows_l]); y = np.concatenate([y, rows_y])
    gcount = {}
    with features.open() as fh:
        for line in fh:
            d = json.loads(line)
            gcount[(d["s"] == "dev", d["t"])] = d["g"]
    tmp = dense_dir / f"merged-{which}-{k}.jsonl"
    with tmp.open("w") as fh:
        for a, b, c, d, e in zip(is_dev, t, lab, y, X):
            fh.write(json.dumps({"s": "dev" if a else "oof", "t": int(b), "l": int(c), "y": int(d), "g": gcount[(bool(a), int(b))], "x": e.tolist()}) + "\n")
    return tmp


def neighbour_features(which: str, features: Path, folds: int = 5, k: int = 20, dense_dir: Path = DENSE_DIR) -> np.ndarray:
    """Dense neighbour votes, as neighbour-index.ts but by embedding cosine: per candidate, the best cosine of a
    training text carrying its label among the text's k nearest training texts, and that label's share of their
    similarity. Train item i's neighbours come from the other folds (i % folds), dev's from the whole train part
    → (N, 2) in dump row order."""
    inputs = json.loads((dense_dir / "inputs.json").read_text(encoding="utf-8"))
    is_dev, t, lab, _, _ = load_dump(features)
    tr = np.load(dense_dir / f"{which}-train.npy").astype(np.float32)
    dv = np.load(dense_dir / f"{which}-dev.npy").astype(np.float32)
    fold = np.arange(len(tr)) % folds
    train_labels = [it["labels"] for it in inputs["train"]]

    def votes(q: np.ndarray, allowed: np.ndarray) -> dict[int, tuple[float, float]]:
        sims = tr @ q
        sims[~allowed] = -1
        top = np.argpartition(-sims, k)[:k]
        total = sims[top].clip(min=0).sum() or 1
        out: dict[int, list[float]] = {}
        for j in top:
            for l in train_labels[j]:
                best, share = out.get(l, [0.0, 0.0])
                out[l] = [max(best, sims[j]), share + max(sims[j], 0) / total]
        return out

    cache: dict[tuple[bool, int], dict] = {}
    F = np.zeros((len(t), 2))
    for r in range(len(t)):
        key = (bool(is_dev[r]), int(t[r]))
        if key not in cache:
            q = dv[key[1]] if key[0] else tr[key[1]]
            allowed = np.ones(len(tr), dtype=bool) if key[0] else fold != key[1] % folds
            cache[key] = votes(q, allowed)
        F[r] = cache[key].get(int(lab[r]), (0.0, 0.0))
    return F


if __name__ == "__main__":
    raise SystemExit(main())
