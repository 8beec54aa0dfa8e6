"""Export a trained run to a served model folder (docs/CONTRACTS.md, "Model folder"), with the parity gates.

    python -m oncotimeline_train.export_onnx --run models/train/runs/union --out models/ccks-union-hybrid

Writes model.onnx (fp32) and model.int8.onnx (dynamic quantisation), vocab.txt, labels.json, crf.json, config.json.
Gates: onnxruntime vs PyTorch emissions max |Δ| < 1e-4 (fp32), and identical decoded entities (fp32 ONNX vs PyTorch)
on every record checked. `evaluate_onnx` then scores each variant for metrics.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import torch

from .config import model_config_from_dict
from .model import ExportWrapper, HybridTagger, output_name
from .tokenizer import WHITESPACE_TOKEN, CharTokenizer

EMISSION_TOL = 1e-4


def load_run(run: Path, which: str = "best.pt") -> tuple[HybridTagger, dict]:
    ck = torch.load(run / which, map_location="cpu", weights_only=False)
    info = ck.get("run") or json.loads((run / "run.json").read_text())
    model = HybridTagger(model_config_from_dict(info["model"]), info["labels"], info.get("heads") or {},
                         primary=info.get("primary", "ccks2019"))
    model.load_state_dict(ck["model"])
    model.eval()
    return model, info


def export_onnx(model: HybridTagger, path: Path, opset: int = 17) -> None:
    ids = torch.tensor([[101, 1957, 3300, 102]], dtype=torch.long)  # batch 1: the LSTM exporter wants it
    mask = torch.ones_like(ids)
    wrapper = ExportWrapper(model).eval()
    outputs = [output_name(model, h) for h in model.head_names]
    torch.onnx.export(
        wrapper, (ids, mask), str(path), opset_version=opset, dynamo=False,
        input_names=["input_ids", "attention_mask"], output_names=outputs,
        dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
                      **{o: {0: "batch", 1: "length"} for o in outputs}},
    )
    model.eval()  # the exporter restores the wrapper's previous mode recursively; keep the model in eval


def quantize_int8(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # MatMul/Gemm weights and the embedding tables (Gather): the 21,128 × 512 word embedding alone is 43 MB in fp32.
    # The LSTM stays fp32 (ORT's dynamic LSTM quantisation is slower on CPU and small here).
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul", "Gemm", "Gather"])


def emission_parity(model: HybridTagger, onnx_path: Path, samples: list[list[int]]) -> float:
    import onnxruntime as ort

    sess = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    worst = 0.0
    for row in samples:
        ids = torch.tensor([row])
        mask = torch.ones_like(ids)
        for h in model.head_names:  # every head's output
            with torch.no_grad():
                ref = model.emissions(ids, mask, packed=True, head=h).numpy()
            got = sess.run([output_name(model, h)], {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
            worst = max(worst, float(np.abs(ref - got).max()))
    return worst


# Labels a CCKS 2017 head contributes to the served output: those CCKS 2019 has no type for.
SERVE_EXTRA = ["症状和体征", "检查和检验", "治疗"]
NEST_OVER = ["解剖部位"]  # primary-head labels a later head's span may contain


def write_folder(model: HybridTagger, info: dict, vocab: Path, out: Path, name: str, version: str,
                 serve_extra: list[str] | None = SERVE_EXTRA) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(vocab, out / "vocab.txt")
    heads = []
    for h in model.head_names:
        suffix = "" if h == model.primary else f"-{h}"
        labels = model.head_labels(h)
        (out / f"labels{suffix}.json").write_text(
            json.dumps({"scheme": "BIOES", "labels": labels}, ensure_ascii=False, indent=1))
        trans, start, end = (t.detach().double().tolist() for t in model.head_crf(h).scores())
        (out / f"crf{suffix}.json").write_text(json.dumps({"transitions": trans, "start": start, "end": end}))
        htypes = model.labels_types(h)
        head = {"name": h, "output": output_name(model, h), "labels": f"labels{suffix}.json",
                "crf": f"crf{suffix}.json", "types": htypes}
        if h != model.primary:
            # A later head adds only the types the primary head lacks; its own disease/body-part spans (another
            # annotation convention) are scored on its data set but not served (docs/CONTRACTS.md, "Heads").
            head["serve"] = [t for t in htypes if t in serve_extra] if serve_extra is not None else htypes
            # CCKS 2019 tags the body part inside a symptom (腹痛 → 腹): let a symptom keep its nested body part.
            head["nestOver"] = [t for t in NEST_OVER if t in model.labels_types()] if serve_extra is not None else []
        heads.append(head)
    tc = info["train"]
    types = [t for hd in heads for t in hd.get("serve", hd["types"])]
    cfg = {
        "name": name, "version": version, "onnxFile": "model.onnx", "precision": "fp32",
        "variants": {"fp32": "model.onnx", "int8": "model.int8.onnx"},
        "maxLength": model.cfg.encoder.max_position_embeddings,
        "window": {"size": tc["window_size"], "overlap": tc["window_overlap"]},
        "tokenizer": {"unit": "codepoint", "fullwidthToHalfwidth": True, "lowercaseAscii": True,
                      "whitespaceToken": WHITESPACE_TOKEN, "unkToken": "[UNK]", "clsToken": "[CLS]",
                      "sepToken": "[SEP]", "padToken": "[PAD]"},
        "batching": "equal-length windows only: the BiLSTM's backward pass is not padding-invariant",
        "types": types,
        **({"heads": heads} if len(heads) > 1 else {}),
        "architecture": {"encoder": model.cfg.encoder.__dict__, "headDim": model.cfg.head_dim,
                         "dgcnn": model.cfg.use_dgcnn, "bilstm": model.cfg.use_bilstm, "mha": model.cfg.use_mha},
    }
    (out / "config.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=2))


def main(argv=None) -> int:
    from .weights import BGE, CACHE

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--checkpoint", default="best.pt")
    ap.add_argument("--vocab", type=Path, default=CACHE / BGE["name"] / "vocab.txt")
    ap.add_argument("--name", default=None, help="model name (default: the --out folder name)")
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--no-int8", action="store_true")
    args = ap.parse_args(argv)

    model, info = load_run(args.run, args.checkpoint)
    write_folder(model, info, args.vocab, args.out, args.name or args.out.name, args.version)
    export_onnx(model, args.out / "model.onnx")
    tok = CharTokenizer.from_file(args.out / "vocab.txt")
    rng = np.random.default_rng(0)
    samples = [tok.wrap([int(x) for x in rng.integers(106, 21128, size=n)]) for n in (1, 7, 64, 300)]
    diff = emission_parity(model, args.out / "model.onnx", samples)
    print(f"emission parity (fp32 ONNX vs PyTorch): max |Δ| = {diff:.2e}")
    if diff >= EMISSION_TOL:
        raise SystemExit(f"emission parity gate failed: {diff:.2e} ≥ {EMISSION_TOL:g}")
    if not args.no_int8:
        quantize_int8(args.out / "model.onnx", args.out / "model.int8.onnx")
    for f in sorted(args.out.iterdir()):
        print(f"{f.name:20s} {f.stat().st_size:>12,d} B")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
