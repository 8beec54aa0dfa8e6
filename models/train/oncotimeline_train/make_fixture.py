"""Build the tiny random model folder used by the TypeScript tests (`test/fixtures/tiny-model/`).

    python -m oncotimeline_train.make_fixture --out test/fixtures/tiny-model
    python -m oncotimeline_train.make_fixture --out test/fixtures/tiny-union-model --union   # + a CCKS 2017 head

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
from .labels import CCKS2017_TYPES, CCKS2019_TYPES, bioes_labels
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
    ap.add_argument("--union", action="store_true", help="add a second (CCKS 2017) head, as a union model has")
    args = ap.parse_args(argv)

    torch.manual_seed(1234)
    enc = BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64,
                     max_position_embeddings=128)
    cfg = ModelConfig(encoder=enc, head_dim=32, mha_heads=2, dgcnn_dilations=(1, 2))
    extra = {"ccks2017": bioes_labels(CCKS2017_TYPES)} if args.union else {}
    model = HybridTagger(cfg, bioes_labels(CCKS2019_TYPES), extra)
    with torch.no_grad():
        for h in model.head_names:
            emit = model.emit if h == model.primary else model.heads[h]["emit"]
            emit[1].weight.mul_(20.0)  # sharp random emissions → many entities
            crf = model.head_crf(h)
            crf.transitions.normal_(0, 0.5)
            crf.start.normal_(0, 0.5)
            crf.end.normal_(0, 0.5)
        if args.union:
            # A random second head collapses onto one label (身体部位, not served); bias it towards served labels so
            # the merge has something to decide: spans that fill the primary head's gaps, and spans that overlap it.
            lab17 = model.head_labels("ccks2017")
            for i, l in enumerate(lab17):
                if l != "O":
                    model.heads["ccks2017"]["emit"][1].bias[i] += -40.0 if l[2:] in ("身体部位", "疾病和诊断") else 15.0
    model.eval()
    info = {"train": {"window_size": args.window_size, "window_overlap": args.window_overlap}}
    write_folder(model, info, args.vocab, args.out, "tiny-random-union" if args.union else "tiny-random-hybrid",
                 "0.0.1-test")
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
            per_head = tagger.predict_heads(text)
            ents = tagger.predict(text)
            n += len(ents)
            row = {"text": text, "entities": [{"start": s, "end": e, "label": t} for s, e, t in ents]}
            if args.union:  # each head's own output, for the engine's `head` option
                row["heads"] = {h.name: [{"start": s, "end": e, "label": t} for s, e, t in spans]
                                for h, spans in zip(tagger.heads, per_head)}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {args.out} ({n} predicted entities, emission parity {diff:.1e})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
