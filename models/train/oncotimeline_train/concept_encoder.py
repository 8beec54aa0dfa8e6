"""Bi-encoder for diagnosis normalisation: bge-small-zh-v1.5 sentence embeddings of raw diagnoses and ICD-10 names.

bge pools with the [CLS] hidden state and L2-normalises, so cosine similarity is a dot product. Text is tokenised one
character per token (tokenizer.py), the same as the TypeScript runtime does.

    python -m oncotimeline_train.concept_encoder embed      # zero-shot embeddings of .cache/concept-index/dense/inputs.json
    python -m oncotimeline_train.concept_encoder finetune   # in-batch-negative fine-tuning on train pairs, then embed

Inputs come from `npx tsx tools/concept-index/write-encoder-inputs.ts`; outputs (float16 .npy) go beside them.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import REPO_ROOT
from .encoder import BertConfig, BertModel
from .tokenizer import CharTokenizer
from .weights import BGE, CACHE, load_encoder_weights

DENSE_DIR = REPO_ROOT / ".cache" / "concept-index" / "dense"
MAX_CHARS = 62  # + [CLS], [SEP] = 64 tokens


class SentenceEncoder(nn.Module):
    """input_ids, attention_mask (B, T) → unit-length [CLS] embeddings (B, H)."""

    def __init__(self, config: BertConfig = BertConfig()):
        super().__init__()
        self.bert = BertModel(config)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        cls = self.bert(input_ids, attention_mask)[:, 0]  # (B, H)
        return nn.functional.normalize(cls, dim=-1)


def load_base(weights_dir: Path = CACHE / BGE["name"]) -> tuple[SentenceEncoder, CharTokenizer]:
    model = SentenceEncoder(BGE["config"])
    load_encoder_weights(model.bert, weights_dir)
    return model, CharTokenizer.from_file(weights_dir / "vocab.txt")


def batch_ids(tok: CharTokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Texts → padded ids and mask (B, T), T = longest text + 2, each text cut to MAX_CHARS characters."""
    rows = [tok.wrap(tok.encode_chars(t[:MAX_CHARS])) for t in texts]
    T = max(len(r) for r in rows)
    ids = torch.full((len(rows), T), tok.pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), T), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = torch.tensor(r)
        mask[i, : len(r)] = 1
    return ids, mask


@torch.no_grad()
def embed(model: SentenceEncoder, tok: CharTokenizer, texts: list[str], batch: int = 256) -> np.ndarray:
    """Unit embeddings (N, H) float32, batched by length so padding stays small."""
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), model.bert.config.hidden_size), dtype=np.float32)
    for s in range(0, len(order), batch):
        idx = order[s : s + batch]
        ids, mask = batch_ids(tok, [texts[i] for i in idx])
        out[idx] = model(ids, mask).numpy()
    return out


@dataclass(frozen=True)
class FinetuneConfig:
    epochs: float = 1.0
    batch: int = 64
    lr: float = 3e-5
    temperature: float = 0.05  # bge's contrastive temperature
    seed: int = 0
    max_minutes: float = 12.0


def training_pairs(items: list[dict], labels: list[str]) -> list[tuple[str, str]]:
    """(raw text, gold standard name) for every gold label of every item."""
    return [(it["text"], labels[l]) for it in items for l in it["labels"]]


def finetune(model: SentenceEncoder, tok: CharTokenizer, pairs: list[tuple[str, str]], cfg: FinetuneConfig) -> dict:
    """InfoNCE with in-batch negatives, text → name: row i's positive is name i; the other names in the batch, and
    the other texts' names, are its negatives. Pairs sharing a name in one batch are masked out as negatives."""
    rng = random.Random(cfg.seed)
    torch.manual_seed(cfg.seed)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    steps = max(1, int(len(pairs) * cfg.epochs) // cfg.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, 1 - s / steps))
    model.train()
    started, losses, order = time.time(), [], []
    for step in range(steps):
        if len(order) < cfg.batch:
            order += rng.sample(range(len(pairs)), len(pairs))
        idx, order = order[: cfg.batch], order[cfg.batch :]
        texts = [pairs[i][0] for i in idx]
        names = [pairs[i][1] for i in idx]
        q = model(*batch_ids(tok, texts))  # (B, H)
        d = model(*batch_ids(tok, names))  # (B, H)
        logits = q @ d.T / cfg.temperature  # (B, B)
        same = torch.tensor([[a == b for b in names] for a in names]) & ~torch.eye(len(idx), dtype=torch.bool)
        logits = logits.masked_fill(same, -1e4)
        loss = nn.functional.cross_entropy(logits, torch.arange(len(idx)))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
        if step % 10 == 0:
            print(f"step {step}/{steps} loss {np.mean(losses[-10:]):.3f} ({time.time() - started:.0f} s)", flush=True)
        if time.time() - started > cfg.max_minutes * 60:
            print(f"stopped at step {step} after {cfg.max_minutes} min", flush=True)
            break
    model.eval()
    return {"steps": step + 1, "loss": float(np.mean(losses[-10:])), "seconds": round(time.time() - started)}


def embed_inputs(model: SentenceEncoder, tok: CharTokenizer, inputs: dict, out: Path, which: str) -> None:
    """Embeddings of labels, texts and parts (float16 .npy) under out/<which>-*.npy."""
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    for split in ("train", "dev"):
        items = inputs[split]
        np.save(out / f"{which}-{split}.npy", embed(model, tok, [it["text"] for it in items]).astype(np.float16))
        parts = [p for it in items for p in it["parts"]]
        np.save(out / f"{which}-{split}-parts.npy", embed(model, tok, parts).astype(np.float16))
        print(f"{split}: {len(items)} texts, {len(parts)} parts ({time.time() - t0:.0f} s)", flush=True)
    np.save(out / f"{which}-labels.npy", embed(model, tok, inputs["labels"]).astype(np.float16))
    print(f"labels: {len(inputs['labels'])} ({time.time() - t0:.0f} s)", flush=True)


def export_int8(model: SentenceEncoder, tok: CharTokenizer, path: Path) -> Path:
    """ONNX (opset 17, dynamic batch and length) → int8 dynamic quantisation (MatMul and embedding Gather) beside it.
    input_ids, attention_mask int64 (B, T) → embedding float32 (B, H)."""
    from .export_onnx import quantize_int8

    model.eval()
    ids, mask = batch_ids(tok, ["高血压"])
    fp32 = path.with_suffix(".fp32.onnx")
    torch.onnx.export(model, (ids, mask), str(fp32), opset_version=17, dynamo=False,
                      input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
                                    "embedding": {0: "batch"}})
    quantize_int8(fp32, path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["embed", "finetune"])
    ap.add_argument("--inputs", type=Path, default=DENSE_DIR / "inputs.json")
    ap.add_argument("--out", type=Path, default=DENSE_DIR)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=float, default=FinetuneConfig.epochs)
    ap.add_argument("--max-minutes", type=float, default=FinetuneConfig.max_minutes)
    ap.add_argument("--fold", type=str, default=None, help="k/n: fine-tune on train items with index %% n != k")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    inputs = json.loads(args.inputs.read_text(encoding="utf-8"))
    model, tok = load_base()
    which = "zs"
    if args.command == "finetune":
        items = inputs["train"]
        which = "ft"
        if args.fold:
            k, n = map(int, args.fold.split("/"))
            items = [it for i, it in enumerate(items) if i % n != k]
            which = f"ft{k}of{n}"
        cfg = FinetuneConfig(epochs=args.epochs, max_minutes=args.max_minutes)
        print(finetune(model, tok, training_pairs(items, inputs["labels"]), cfg), flush=True)
        torch.save(model.state_dict(), args.out / f"{which}.pt")
    embed_inputs(model, tok, inputs, args.out, which)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
