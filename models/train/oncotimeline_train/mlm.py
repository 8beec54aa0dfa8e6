"""Continued masked-language-model pretraining of the encoder on unlabeled medical text (domain adaptation).

    python -m oncotimeline_train.mlm --out models/train/runs/mlm --minutes 30
    python -m oncotimeline_train.train --out runs/mlm-ft --weights .cache/weights/bge-small-zh-v1.5-med-mlm

The published recipe (ChCancerBERT: MC-BERT further pretrained on cancer text) uses a low learning rate without
warm-up so the encoder does not forget its general Chinese. Here:
- Corpus: `$MEDICAL_CORPUS` or ../shared/data/medical-corpus/corpus.txt, short lines packed into fixed blocks
  ("group texts"), shuffled with a seed. Lines that occur in the NER dev splits (CCKS 2019 and CCKS 2017 records are
  part of the corpus) are dropped first, so the ablation never pretrains on the text it is scored on.
- Masking: whole-entity masking where a lexicon match exists (the entity mentions of the NER *training* splits,
  longest match first, like MC-BERT's entity-level masking with a medical dictionary), single characters elsewhere;
  units are drawn until 15% of the tokens are chosen, then 80% [MASK] / 10% random / 10% kept.
- The MLM head (transform + tied decoder) is new (bge-small-zh ships without one), so the first `--head-steps` steps
  train only the head: random head gradients would otherwise flow into the encoder.
- Stops at `--minutes` of training time or `--max-steps`; `last.pt` every `--save-every` steps; re-running resumes.
  The adapted encoder is written like the base weights (`--weights-out`): config.json, vocab.txt, model.safetensors.
- Measures masked-token loss and accuracy on held-out corpus lines before and after (mlm-metrics.json).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import REPO_ROOT, load_ccks2017, load_ccks2019, split, split_ccks2017
from .encoder import BertConfig, BertModel
from .tokenizer import CharTokenizer
from .weights import BGE, CACHE, load_encoder_weights

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "data" / "medical-corpus" / "corpus.txt"
IGNORE = -100


def corpus_path(path: str | None = None) -> Path:
    return Path(path or os.environ.get("MEDICAL_CORPUS") or DEFAULT_CORPUS)


def _squash(s: str) -> str:
    return "".join(s.split())


def drop_dev_lines(lines: list[str], dev_texts: list[str], probe: int = 24) -> tuple[list[str], int]:
    """Drop corpus lines that are (whitespace-insensitively) part of a dev text: a line's first `probe` characters
    found inside a dev text, or a dev text's first `probe` characters found inside the line."""
    blob = "\n".join(_squash(t) for t in dev_texts)
    heads = {_squash(t)[:probe] for t in dev_texts if len(_squash(t)) >= 8}
    kept, dropped = [], 0
    for line in lines:
        sq = _squash(line)
        hit = (len(sq) >= 8 and sq[:probe] in blob) or any(h in sq for h in heads if len(sq) >= len(h))
        if hit:
            dropped += 1
        else:
            kept.append(line)
    return kept, dropped


def build_lexicon(train_records, min_len: int = 2, max_len: int = 16) -> set[str]:
    return {r.text[s:e] for r in train_records for s, e, _ in r.entities if min_len <= e - s <= max_len}


def unit_ids(text: str, lexicon: set[str], max_len: int = 16, first: int = 0) -> list[int]:
    """Masking units per character: the longest lexicon match starting at each position, else one character."""
    out, i, u = [], 0, first
    n = len(text)
    while i < n:
        step = 1
        for L in range(min(max_len, n - i), 1, -1):
            if text[i:i + L] in lexicon:
                step = L
                break
        out.extend([u] * step)
        u += 1
        i += step
    return out


def make_blocks(lines: list[str], tok: CharTokenizer, lexicon: set[str], block: int) -> tuple[np.ndarray, np.ndarray]:
    """Lines joined by [SEP] and cut into blocks of `block - 2` tokens (wrapped in [CLS] … [SEP] at batch time)."""
    ids: list[int] = []
    units: list[int] = []
    u = 0
    for line in lines:
        chars = tok.encode_chars(line)
        us = unit_ids(line, lexicon, first=u)
        u = us[-1] + 1 if us else u
        ids.extend(chars + [tok.sep_id])
        units.extend(us + [u])
        u += 1
    n = block - 2
    count = len(ids) // n
    return (np.array(ids[: count * n], dtype=np.int64).reshape(count, n),
            np.array(units[: count * n], dtype=np.int64).reshape(count, n))


def mask_rows(ids: np.ndarray, units: np.ndarray, rng: np.random.Generator, mask_id: int, vocab_size: int,
              special: set[int], prob: float = 0.15) -> tuple[np.ndarray, np.ndarray]:
    """Whole-unit masking: (input ids, labels with IGNORE where nothing is predicted)."""
    inp = ids.copy()
    labels = np.full_like(ids, IGNORE)
    for r in range(ids.shape[0]):
        row_units = units[r]
        uniq = np.unique(row_units)
        rng.shuffle(uniq)
        target = max(1, int(round(prob * ids.shape[1])))
        chosen = 0
        pick = []
        for u in uniq:
            pos = np.nonzero(row_units == u)[0]
            if chosen + len(pos) > target * 1.2 and chosen > 0:
                continue
            pick.append(pos)
            chosen += len(pos)
            if chosen >= target:
                break
        if not pick:
            continue
        pos = np.concatenate(pick)
        pos = pos[~np.isin(ids[r, pos], list(special))]
        labels[r, pos] = ids[r, pos]
        roll = rng.random(len(pos))
        inp[r, pos[roll < 0.8]] = mask_id
        rand_pos = pos[(roll >= 0.8) & (roll < 0.9)]
        inp[r, rand_pos] = rng.integers(106, vocab_size, size=len(rand_pos))  # 106+: past the special tokens
    return inp, labels


class MlmHead(nn.Module):
    """BERT's MLM head: dense + GELU + LayerNorm, decoder tied to the word embeddings, own bias."""

    def __init__(self, c: BertConfig, word_embeddings: nn.Embedding):
        super().__init__()
        self.dense = nn.Linear(c.hidden_size, c.hidden_size)
        self.norm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.word_embeddings = word_embeddings
        self.bias = nn.Parameter(torch.zeros(c.vocab_size))

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        h = self.norm(nn.functional.gelu(self.dense(h)))
        return h @ self.word_embeddings.weight.T + self.bias


def wrap_batch(rows: np.ndarray, tok: CharTokenizer) -> torch.Tensor:
    B = rows.shape[0]
    out = np.empty((B, rows.shape[1] + 2), dtype=np.int64)
    out[:, 0] = tok.cls_id
    out[:, -1] = tok.sep_id
    out[:, 1:-1] = rows
    return torch.from_numpy(out)


def mlm_loss(bert: BertModel, head: MlmHead, inp: np.ndarray, labels: np.ndarray, tok: CharTokenizer):
    ids = wrap_batch(inp, tok)
    lab = torch.from_numpy(labels)
    hidden = bert(ids, torch.ones_like(ids))[:, 1:-1]  # (B, n, H)
    sel = lab != IGNORE
    logits = head(hidden[sel])  # only the masked positions: the 21,128-way decoder is the costly part
    target = lab[sel]
    loss = nn.functional.cross_entropy(logits, target)
    correct = int((logits.argmax(-1) == target).sum())
    return loss, correct, int(sel.sum())


@torch.no_grad()
def evaluate(bert, head, eval_inp, eval_lab, tok, batch: int = 16) -> dict:
    bert.eval()
    head.eval()
    tot_loss, tot_correct, tot_n = 0.0, 0, 0
    for i in range(0, len(eval_inp), batch):
        loss, correct, n = mlm_loss(bert, head, eval_inp[i:i + batch], eval_lab[i:i + batch], tok)
        tot_loss += float(loss) * n
        tot_correct += correct
        tot_n += n
    bert.train()
    head.train()
    return {"loss": tot_loss / tot_n, "accuracy": tot_correct / tot_n, "masked_tokens": tot_n,
            "perplexity": math.exp(tot_loss / tot_n)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="run folder (last.pt, log.jsonl, mlm-metrics.json)")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--weights", type=Path, default=CACHE / BGE["name"], help="encoder to adapt")
    ap.add_argument("--weights-out", type=Path, default=CACHE / (BGE["name"] + "-med-mlm"))
    ap.add_argument("--block", type=int, default=256)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5, help="encoder; constant, no warm-up")
    ap.add_argument("--lr-head", type=float, default=5e-4)
    ap.add_argument("--head-steps", type=int, default=30)
    ap.add_argument("--minutes", type=float, default=30.0, help="training-time budget (resumes add to it)")
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--save-every", type=int, default=20)
    ap.add_argument("--eval-lines", type=int, default=2000, help="held-out corpus lines for the MLM metrics")
    ap.add_argument("--limit-lines", type=int, default=0, help="use only the first N corpus lines (tests)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    tok = CharTokenizer.from_file(args.weights / "vocab.txt")
    cfg = BertConfig(**json.loads((args.weights / "config.json").read_text()))
    path = corpus_path(args.corpus)
    raw = path.read_text(encoding="utf-8").split("\n")
    lines = [l for l in raw if l.strip()]
    if args.limit_lines:
        lines = lines[: args.limit_lines]
    tr19, dev19 = split(load_ccks2019())
    tr17, dev17 = split_ccks2017(load_ccks2017())
    lines, dropped = drop_dev_lines(lines, [r.text for r in dev19 + dev17])
    lexicon = build_lexicon(tr19 + tr17)
    rng = random.Random(args.seed)
    rng.shuffle(lines)
    eval_lines, train_lines = lines[: args.eval_lines], lines[args.eval_lines:]
    t0 = time.time()
    train_ids, train_units = make_blocks(train_lines, tok, lexicon, args.block)
    eval_ids, eval_units = make_blocks(eval_lines, tok, lexicon, args.block)
    special = {tok.cls_id, tok.sep_id, tok.pad_id}
    mask_id = tok.vocab["[MASK]"]
    eval_inp, eval_lab = mask_rows(eval_ids, eval_units, np.random.default_rng(7), mask_id, cfg.vocab_size, special)
    data_info = {"corpus": str(path), "corpus_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                 "lines": len(lines) + dropped, "dropped_dev_lines": dropped, "lexicon": len(lexicon),
                 "train_blocks": int(len(train_ids)), "eval_blocks": int(len(eval_ids)), "block": args.block,
                 "train_tokens": int(train_ids.size), "prep_s": round(time.time() - t0, 1)}
    print(json.dumps(data_info), flush=True)

    bert = BertModel(cfg)
    load_encoder_weights(bert, args.weights)
    head = MlmHead(cfg, bert.embeddings.word_embeddings)
    head_params = [p for n, p in head.named_parameters() if not n.startswith("word_embeddings")]
    opt = torch.optim.AdamW([{"params": list(bert.parameters()), "lr": args.lr},
                             {"params": head_params, "lr": args.lr_head}], weight_decay=0.01)
    state = {"step": 0, "elapsed": 0.0, "tokens": 0}
    last = args.out / "last.pt"
    log = open(args.out / "log.jsonl", "a", encoding="utf-8")
    if last.exists():
        ck = torch.load(last, map_location="cpu", weights_only=False)
        bert.load_state_dict(ck["bert"])
        head.load_state_dict(ck["head"], strict=False)
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        print(f"resumed from {last} at step {state['step']}", flush=True)
        before = ck["before"]
    else:
        before = evaluate(bert, head, eval_inp, eval_lab, tok)
        log.write(json.dumps({"eval": "before", **before}) + "\n")
        print(f"before: MLM loss {before['loss']:.3f} acc {before['accuracy']:.4f} (fresh head)", flush=True)

    def save():
        tmp = last.with_suffix(".tmp")
        torch.save({"bert": bert.state_dict(), "head": {k: v for k, v in head.state_dict().items()
                                                        if not k.startswith("word_embeddings")},
                    "opt": opt.state_dict(), "state": state, "before": before}, tmp)
        os.replace(tmp, last)

    order = np.random.default_rng(args.seed).permutation(len(train_ids))  # fixed: a resume continues the same order
    budget = args.minutes * 60
    bert.train()
    head.train()
    t_run = time.time()
    start_elapsed = state["elapsed"]
    loss_sum, n_log = 0.0, 0
    while state["elapsed"] < budget and (not args.max_steps or state["step"] < args.max_steps):
        k = state["step"]
        idx = order[(k * args.batch_size) % len(order):][: args.batch_size]
        if len(idx) < args.batch_size:
            idx = np.concatenate([idx, order[: args.batch_size - len(idx)]])
        mrng = np.random.default_rng([args.seed, k])  # per-step masks: reproducible across resumes
        inp, lab = mask_rows(train_ids[idx], train_units[idx], mrng, mask_id, cfg.vocab_size, special)
        head_only = k < args.head_steps
        for p in bert.parameters():
            p.requires_grad_(not head_only)
        loss, _, _ = mlm_loss(bert, head, inp, lab, tok)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for g in opt.param_groups for p in g["params"]], 1.0)
        opt.step()
        state["step"] += 1
        state["tokens"] += int(inp.size)
        state["elapsed"] = start_elapsed + (time.time() - t_run)
        loss_sum += float(loss.detach())
        n_log += 1
        if state["step"] % 10 == 0:
            tps = state["tokens"] / max(state["elapsed"], 1e-9)
            log.write(json.dumps({"step": state["step"], "loss": round(loss_sum / n_log, 4),
                                  "tokens": state["tokens"], "tokens_per_s": round(tps, 1)}) + "\n")
            log.flush()
            print(f"step {state['step']} loss {loss_sum / n_log:.3f} {tps:.0f} tok/s "
                  f"{state['elapsed'] / 60:.1f}/{args.minutes:.0f} min", flush=True)
            loss_sum, n_log = 0.0, 0
        if state["step"] % args.save_every == 0:
            save()
    save()
    after = evaluate(bert, head, eval_inp, eval_lab, tok)
    log.write(json.dumps({"eval": "after", "step": state["step"], **after}) + "\n")
    log.close()
    print(f"after {state['step']} steps: MLM loss {after['loss']:.3f} acc {after['accuracy']:.4f}", flush=True)

    # The adapted encoder, in the base weights' layout, so `train --weights` takes it unchanged.
    from safetensors.torch import save_file

    out = args.weights_out
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in bert.state_dict().items()}, str(out / "model.safetensors"))
    for f in ("config.json", "vocab.txt"):
        shutil.copyfile(args.weights / f, out / f)
    metrics = {"base": str(args.weights), "steps": state["step"], "tokens_seen": state["tokens"],
               "train_minutes": round(state["elapsed"] / 60, 1), "threads": torch.get_num_threads(),
               "lr": args.lr, "lr_head": args.lr_head, "head_steps": args.head_steps, "batch_size": args.batch_size,
               "data": data_info, "heldout_before": before, "heldout_after": after}
    (args.out / "mlm-metrics.json").write_text(json.dumps(metrics, indent=2))
    (out / "SOURCE").write_text(
        f"Continued MLM pretraining of {args.weights.name} on {path.name} (sha256 {data_info['corpus_sha256']}),\n"
        f"{state['step']} steps, {state['tokens']} tokens, {metrics['train_minutes']} CPU-minutes; "
        f"held-out MLM loss {before['loss']:.3f} -> {after['loss']:.3f}.\n"
        "Research use only: the corpus's terms (see its SOURCE.md) carry over to this encoder.\n")
    print(f"wrote {out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
