"""PyTorch-eager throughput of a served model's architecture on given records (the engine benchmark's baseline).

    python -m oncotimeline_train.bench_pytorch --model-dir models/ccks-union-hybrid --data records.jsonl

Runs the same windowing, batching and Viterbi as the serving contract, with PyTorch eager (no ONNX). Weights come
from --checkpoint when given (or the training run's best.pt when present); otherwise the architecture in
config.json is built with random weights, which costs the same FLOPs: throughput does not depend on weight values.
Prints one JSON object: {"charsPerSecond", "records", "chars", "seconds", "threads", "weights"}.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

from .config import ModelConfig
from .data import REPO_ROOT
from .encoder import BertConfig
from .model import HybridTagger
from .predict import predict_text
from .tokenizer import CharTokenizer


def build_from_folder(folder: Path) -> HybridTagger:
    cfg = json.loads((folder / "config.json").read_text())
    arch = cfg["architecture"]
    labels = json.loads((folder / "labels.json").read_text())["labels"]
    mc = ModelConfig(encoder=BertConfig(**arch["encoder"]), head_dim=arch["headDim"], use_dgcnn=arch["dgcnn"],
                     use_bilstm=arch["bilstm"], use_mha=arch["mha"])
    return HybridTagger(mc, labels)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True, help="JSON lines with originalText")
    ap.add_argument("--checkpoint", type=Path, default=REPO_ROOT / "models" / "train" / "runs" / "full" / "best.pt")
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    folder = args.model_dir if args.model_dir.is_absolute() else (Path.cwd() / args.model_dir)
    model = build_from_folder(folder)
    weights = "random (same architecture and FLOPs)"
    if args.checkpoint.exists():
        model.load_state_dict(torch.load(args.checkpoint, map_location="cpu", weights_only=False)["model"])
        weights = str(args.checkpoint)
    model.eval()
    cfg = json.loads((folder / "config.json").read_text())
    tok = CharTokenizer.from_file(folder / "vocab.txt")
    texts = [json.loads(l)["originalText"] for l in args.data.read_text(encoding="utf-8-sig").splitlines() if l.strip()]
    predict_text(model, tok, texts[0][:50], cfg["window"]["size"], cfg["window"]["overlap"])  # warm-up
    t0 = time.perf_counter()
    for t in texts:
        predict_text(model, tok, t, cfg["window"]["size"], cfg["window"]["overlap"])
    el = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(json.dumps({"charsPerSecond": chars / el, "records": len(texts), "chars": chars, "seconds": el,
                      "threads": torch.get_num_threads(), "weights": weights}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
