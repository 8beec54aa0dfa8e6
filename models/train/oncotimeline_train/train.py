"""Train the hybrid tagger on CCKS 2019 (CPU or CUDA), with checkpoints, resume and early stopping.

    python -m oncotimeline_train.train --out models/train/runs/full
    python -m oncotimeline_train.train --out runs/no-mha --no-mha       # ablation
    python -m oncotimeline_train.train --out runs/union --tasks ccks2019,ccks2017 --init runs/full/best.pt
                                        # one network, a CRF head per label set, batches of either data set
A run directory holds last.pt (resumable state), best.pt (best dev F1 weights), log.jsonl and run.json.
Re-running the same command resumes from last.pt.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from .config import ModelConfig, TrainConfig
from .data import Example, load_ccks2017, load_ccks2019, make_examples, split, split_ccks2017
from .encoder import BertConfig
from .labels import CCKS2017_TYPES, CCKS2019_TYPES, bioes_labels
from .metrics import strict_scores
from .model import HybridTagger
from .predict import predict_text
from .tokenizer import CharTokenizer
from .weights import BGE, CACHE, load_encoder_weights

TINY_ENCODER = BertConfig(vocab_size=21128, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                          intermediate_size=64, max_position_embeddings=512)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def batches(examples: list[Example], batch_size: int, rng: random.Random) -> list[list[Example]]:
    """Length-bucketed batches in random order: little padding, still shuffled."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].input_ids), rng.random()))
    out = [[examples[i] for i in order[k:k + batch_size]] for k in range(0, len(order), batch_size)]
    rng.shuffle(out)
    return out


def collate(batch: list[Example], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    T = max(len(e.input_ids) for e in batch)
    ids = torch.full((len(batch), T), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), T), dtype=torch.long)
    tags = torch.zeros((len(batch), T - 2), dtype=torch.long)
    for i, e in enumerate(batch):
        ids[i, : len(e.input_ids)] = torch.tensor(e.input_ids)
        mask[i, : len(e.input_ids)] = 1
        tags[i, : len(e.tags)] = torch.tensor(e.tags)
    return ids, mask, tags


TASK_TYPES = {"ccks2019": CCKS2019_TYPES, "ccks2017": CCKS2017_TYPES}


def load_task(task: str, args) -> tuple[list, list]:
    if task == "ccks2019":
        return split(load_ccks2019(args.data))
    if task == "ccks2017":
        return split_ccks2017(load_ccks2017(args.ccks2017_data))
    raise SystemExit(f"unknown task {task!r}: one of {', '.join(TASK_TYPES)}")


def evaluate(model: HybridTagger, tok: CharTokenizer, records, tc: TrainConfig, head: str | None = None) -> dict:
    model.eval()
    pred = [predict_text(model, tok, r.text, tc.window_size, tc.window_overlap, head=head) for r in records]
    model.train()
    return strict_scores([r.entities for r in records], pred)


def build(args) -> tuple[HybridTagger, CharTokenizer, ModelConfig]:
    if args.weights == "tiny":
        enc = TINY_ENCODER
    else:
        enc = BertConfig(**json.loads((Path(args.weights) / "config.json").read_text()))
    mc = ModelConfig(encoder=enc, use_dgcnn=not args.no_dgcnn, use_bilstm=not args.no_bilstm, use_mha=not args.no_mha,
                     head_dim=args.head_dim, mha_heads=args.mha_heads)
    vocab_dir = Path(args.weights) if args.weights != "tiny" else CACHE / BGE["name"]
    if not (vocab_dir / "vocab.txt").exists():
        raise SystemExit(f"no vocabulary at {vocab_dir}: run `python -m oncotimeline_train.weights` first")
    tok = CharTokenizer.from_file(vocab_dir / "vocab.txt")
    tasks = args.tasks.split(",")
    if any(t not in TASK_TYPES for t in tasks):
        raise SystemExit(f"--tasks: each of {', '.join(TASK_TYPES)}")
    model = HybridTagger(mc, bioes_labels(TASK_TYPES[tasks[0]]),
                         {t: bioes_labels(TASK_TYPES[t]) for t in tasks[1:]}, primary=tasks[0])
    if args.weights != "tiny":
        load_encoder_weights(model.bert, Path(args.weights))
    if args.init:
        # Warm start (e.g. the shipped single-head run): every tensor it has; new heads start fresh.
        ck = torch.load(args.init, map_location="cpu", weights_only=False)
        missing, unexpected = model.load_state_dict(ck["model"], strict=False)
        if unexpected or any(not k.startswith("heads.") for k in missing):
            raise SystemExit(f"--init {args.init} does not fit: missing {missing[:5]}, unexpected {unexpected[:5]}")
        print(f"initialised from {args.init}; fresh: {sorted({k.split('.')[1] for k in missing})}", flush=True)
    return model, tok, mc


def parse_args(argv=None):
    tc = TrainConfig()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", default=None, help="CCKS 2019 folder (default $CCKS2019_DIR or ../shared/data/ccks2019)")
    ap.add_argument("--ccks2017-data", default=None,
                    help="CCKS 2017 CNER folder (default $CCKS2017_DIR or ../shared/data/ccks2017-cner)")
    ap.add_argument("--tasks", default="ccks2019",
                    help="comma-separated label sets, the first is the primary head (ccks2019, ccks2017)")
    ap.add_argument("--init", default=None, help="checkpoint to warm-start from (best.pt of an earlier run)")
    ap.add_argument("--weights", default=str(CACHE / BGE["name"]), help="converted encoder folder, or 'tiny' (random)")
    ap.add_argument("--no-dgcnn", action="store_true")
    ap.add_argument("--no-bilstm", action="store_true")
    ap.add_argument("--no-mha", action="store_true")
    ap.add_argument("--head-dim", type=int, default=256)
    ap.add_argument("--mha-heads", type=int, default=4)
    ap.add_argument("--limit-train", type=int, default=0, help="use only the first N training records (tests)")
    ap.add_argument("--limit-dev", type=int, default=0)
    for f, v in asdict(tc).items():
        ap.add_argument("--" + f.replace("_", "-"), type=type(v) if not isinstance(v, bool) else int, default=v)
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    tc = TrainConfig(**{f: (bool(getattr(args, f)) if isinstance(v, bool) else getattr(args, f))
                        for f, v in asdict(TrainConfig()).items()})
    if tc.threads:
        torch.set_num_threads(tc.threads)
    seed_everything(tc.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    args.out.mkdir(parents=True, exist_ok=True)

    model, tok, mc = build(args)
    model.to(device)
    tasks = model.head_names
    train_by, dev_by, examples_by = {}, {}, {}
    for t in tasks:
        train_recs, dev_recs = load_task(t, args)
        if args.limit_train:
            train_recs = train_recs[: args.limit_train]
        if args.limit_dev:
            dev_recs = dev_recs[: args.limit_dev]
        label_ids = {l: i for i, l in enumerate(model.head_labels(t))}
        train_by[t], dev_by[t] = train_recs, dev_recs
        examples_by[t] = make_examples(train_recs, tok, label_ids, tc.window_size, tc.window_overlap)
    steps_per_epoch = sum(math.ceil(len(examples_by[t]) / tc.batch_size) for t in tasks)
    total_steps = tc.max_steps or steps_per_epoch * tc.epochs

    enc_params = list(model.bert.parameters())
    crf_params = [p for h in model.head_names for p in model.head_crf(h).parameters()]
    skip = {id(p) for p in enc_params + crf_params}
    head_params = [p for p in model.parameters() if id(p) not in skip]
    opt = torch.optim.AdamW([
        {"params": enc_params, "lr": tc.lr_encoder},
        {"params": head_params, "lr": tc.lr_head},
        {"params": crf_params, "lr": tc.lr_crf, "weight_decay": 0.0},
    ], weight_decay=tc.weight_decay)
    warm = max(1, int(total_steps * tc.warmup_fraction))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total_steps - s) / max(1, total_steps - warm)))

    state = {"epoch": 0, "step": 0, "best_f1": -1.0, "bad_epochs": 0, "elapsed": 0.0}
    last = args.out / "last.pt"
    if last.exists():
        ck = torch.load(last, map_location=device, weights_only=False)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        sched.load_state_dict(ck["sched"])
        state = ck["state"]
        random.setstate(ck["py_rng"])
        torch.set_rng_state(ck["torch_rng"])
        print(f"resumed from {last} at epoch {state['epoch']} step {state['step']}", flush=True)

    run_info = {"model": asdict(mc), "train": asdict(tc), "labels": model.labels, "weights": args.weights,
                "primary": model.primary, "heads": model.extra_labels, "init": args.init,
                "train_records": sum(map(len, train_by.values())), "dev_records": sum(map(len, dev_by.values())),
                "per_task": {t: {"train": len(train_by[t]), "dev": len(dev_by[t]), "examples": len(examples_by[t])}
                             for t in tasks},
                "examples": sum(map(len, examples_by.values())),
                "device": str(device), "torch_threads": torch.get_num_threads()}
    (args.out / "run.json").write_text(json.dumps(run_info, ensure_ascii=False, indent=2))
    log = open(args.out / "log.jsonl", "a", encoding="utf-8")

    def save_checkpoint():
        tmp = last.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "state": state, "py_rng": random.getstate(), "torch_rng": torch.get_rng_state()}, tmp)
        os.replace(tmp, last)  # atomic: a kill mid-save never corrupts the resumable state

    def do_eval(tag: str) -> bool:
        t0 = time.time()
        by_task = {t: evaluate(model, tok, dev_by[t], tc, head=t) for t in tasks}
        s = by_task[tasks[0]]
        # Model selection: the mean of the heads' dev micro F1 (= the F1 itself with one head).
        f1 = sum(v["micro"]["f1"] for v in by_task.values()) / len(tasks)
        improved = f1 > state["best_f1"]
        if improved:
            state["best_f1"] = f1
            torch.save({"model": model.state_dict(), "run": run_info, "dev": s, "dev_by_task": by_task,
                        "state": dict(state)}, args.out / "best.pt")
        entry = {"eval": tag, "step": state["step"], "epoch": state["epoch"], "dev": s["micro"]}
        if len(tasks) > 1:
            entry["dev_by_task"] = {t: v["micro"] for t, v in by_task.items()}
        entry.update({"eval_s": round(time.time() - t0, 1), "best": state["best_f1"]})
        log.write(json.dumps(entry) + "\n")
        log.flush()
        for t, v in by_task.items():
            print(f"[{tag}] step {state['step']} {t} dev P {v['micro']['precision']:.4f} R {v['micro']['recall']:.4f} "
                  f"F1 {v['micro']['f1']:.4f}", flush=True)
        print(f"[{tag}] selection F1 {f1:.4f} (best {state['best_f1']:.4f})", flush=True)
        return improved

    model.train()
    autocast = torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=tc.bf16)
    while state["epoch"] < tc.epochs and state["step"] < total_steps:
        rng = random.Random(tc.seed * 1000 + state["epoch"])  # same batches for an epoch, resumed or not
        # A batch holds one data set's windows (its head's loss); the data sets' batches are interleaved at random.
        epoch_batches = [(tasks[0], b) for b in batches(examples_by[tasks[0]], tc.batch_size, rng)]
        if len(tasks) > 1:
            epoch_batches += [(t, b) for t in tasks[1:] for b in batches(examples_by[t], tc.batch_size, rng)]
            rng.shuffle(epoch_batches)
        done_in_epoch = state["step"] - state["epoch"] * steps_per_epoch
        t_epoch, chars, loss_sum = time.time(), 0, 0.0
        for bi, (task, batch) in enumerate(epoch_batches):
            if bi < done_in_epoch:
                continue
            ids, mask, tags = (t.to(device) for t in collate(batch, tok.pad_id))
            with autocast:
                loss = model.loss(ids, mask, tags, head=task)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), tc.grad_clip)
            opt.step()
            sched.step()
            state["step"] += 1
            chars += int(mask.sum()) - 2 * len(batch)
            loss_sum += float(loss.detach())
            if state["step"] % tc.log_every == 0:
                el = time.time() - t_epoch
                log.write(json.dumps({"step": state["step"], "loss": round(loss_sum / tc.log_every, 4),
                                      "chars_per_s": round(chars / max(el, 1e-9), 1)}) + "\n")
                log.flush()
                print(f"step {state['step']}/{total_steps} loss {loss_sum / tc.log_every:.3f} {chars / el:.0f} chars/s", flush=True)
                loss_sum = 0.0
                save_checkpoint()
            if tc.eval_every and state["step"] % tc.eval_every == 0:
                do_eval(f"step{state['step']}")
            if state["step"] >= total_steps:
                break
        state["elapsed"] += time.time() - t_epoch
        if state["step"] % steps_per_epoch == 0 or state["step"] >= total_steps:
            state["epoch"] += 1
        improved = do_eval(f"epoch{state['epoch']}")
        state["bad_epochs"] = 0 if improved else state["bad_epochs"] + 1
        save_checkpoint()
        if state["bad_epochs"] >= tc.patience:
            print(f"early stop: no dev gain for {tc.patience} epochs", flush=True)
            break
    state["finished"] = True
    save_checkpoint()
    print(f"done: best dev F1 {state['best_f1']:.4f}, train time {state['elapsed'] / 60:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
