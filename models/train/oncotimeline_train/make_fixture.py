"""Build the tiny random model folder used by the TypeScript tests (`test/fixtures/tiny-model/`).

    python -m oncotimeline_train.make_fixture --out test/fixtures/tiny-model

A 1-layer, 32-wide encoder with the full hybrid head and random weights, scaled so that Viterbi emits many entities
of every type: a stress test for the TypeScript decoder, windowing and merging, not a useful tagger.
Also writes predictions.jsonl: onnxruntime + Python Viterbi entities (code-point offsets) on synthetic texts,
including long ones that need several windows, whitespace, full-width and astral characters.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import torch

from .config import ModelConfig
from .encoder import BertConfig
from .export_onnx import emission_parity, export_onnx, write_folder
from .labels import CCKS2019_TYPES, bioes_labels
from .model import HybridTagger
from .onnx_predict import OnnxTagger
from .weights import BGE, CACHE

PIECES = ["患者", "因", "“直肠癌”", "于", "2018-03-12", "在我院", "行", "直肠癌根治术", "（DIXON术）", "，", "。",
          "术后病理示：", "腺癌", "ＣＥＡ：７ＮＧ/ＭＬ", "奥沙利铂", "+", "希罗达", "化疗", "8周期", " ", "\t", "\n",
          "CT", "示", "左肺上叶", "结节", "𠀀", "肝S4", "胸部CT平扫", "血常规", "PLT", "1年余前", "Ｘ线"]


def synthetic_texts(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = ["", "，", "患者因直肠癌行根治术。", "ＡＢＣ　ａｂｃ\u00a0x\u3000y"]
    for n in (5, 20, 60, 150, 400, 1200):
        texts.append("".join(rng.choice(PIECES) for _ in range(n)))
    return texts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--vocab", type=Path, default=CACHE / BGE["name"] / "vocab.txt")
    ap.add_argument("--window-size", type=int, default=48)
    ap.add_argument("--window-overlap", type=int, default=16)
    args = ap.parse_args(argv)

    torch.manual_seed(1234)
    enc = BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64,
                     max_position_embeddings=128)
    cfg = ModelConfig(encoder=enc, head_dim=32, mha_heads=2, dgcnn_dilations=(1, 2))
    model = HybridTagger(cfg, bioes_labels(CCKS2019_TYPES))
    with torch.no_grad():
        model.emit[1].weight.mul_(20.0)  # sharp random emissions → many entities
        model.crf.transitions.normal_(0, 0.5)
        model.crf.start.normal_(0, 0.5)
        model.crf.end.normal_(0, 0.5)
    model.eval()
    info = {"train": {"window_size": args.window_size, "window_overlap": args.window_overlap}}
    write_folder(model, info, args.vocab, args.out, "tiny-random-hybrid", "0.0.1-test")
    export_onnx(model, args.out / "model.onnx")
    cfg_path = args.out / "config.json"
    c = json.loads(cfg_path.read_text())
    c["variants"] = {"fp32": "model.onnx"}
    cfg_path.write_text(json.dumps(c, ensure_ascii=False, indent=2))

    tagger = OnnxTagger(args.out)
    samples = [tagger.tok.wrap(tagger.tok.encode_chars(t)) for t in synthetic_texts()[2:5]]
    diff = emission_parity(model, args.out / "model.onnx", samples)
    if diff >= 1e-4:
        raise SystemExit(f"emission parity failed: {diff:.2e}")
    n = 0
    with open(args.out / "predictions.jsonl", "w", encoding="utf-8") as f:
        for text in synthetic_texts():
            ents = tagger.predict(text)
            n += len(ents)
            f.write(json.dumps({"text": text, "entities": [{"start": s, "end": e, "label": t} for s, e, t in ents]},
                               ensure_ascii=False) + "\n")
    print(f"wrote {args.out} ({n} predicted entities, emission parity {diff:.1e})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
