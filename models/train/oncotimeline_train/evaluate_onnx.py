"""Score a served model folder on the dev split, check it against PyTorch, write metrics.json and the parity slice.

    python -m oncotimeline_train.evaluate_onnx --model models/ccks-union-hybrid --run models/train/runs/union

- fp32 and int8 variants: strict P/R/F1 (micro, per type), size, records/s with onnxruntime (same run).
- Decoded-entity parity: the fp32 ONNX folder vs the PyTorch checkpoint on every dev record (must be identical).
- Writes metrics.json and parity-dev.jsonl (the served variant's entities on the dev records by record id, code-point
  offsets, no text, for the TypeScript parity test); `--write-dev FILE` writes the dev split's gold (with text,
  outside the repository) for `oncotimeline evaluate --data FILE`.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from .data import load_ccks2017, load_ccks2019, split, split_ccks2017
from .metrics import strict_scores
from .onnx_predict import OnnxTagger, merge_heads


def score_variant(tagger: OnnxTagger, onnx_file: str, records, head: str | None = None) -> tuple[dict, list, list]:
    """Scores of one head (default: the primary) on records; also the merged served output (for the parity file)."""
    names = [h.name for h in tagger.heads]
    hi = names.index(head) if head else 0
    t0 = time.time()
    per_record = [tagger.predict_heads(r.text) for r in records]
    el = time.time() - t0
    pred = [ph[hi] for ph in per_record]
    merged = [ph[0] if len(ph) == 1 else merge_heads(tagger.heads, ph) for ph in per_record]
    s = strict_scores([r.entities for r in records], pred)
    s["file"] = onnx_file
    s["bytes"] = (tagger.folder / onnx_file).stat().st_size
    s["seconds"] = round(el, 2)
    s["charsPerSecond"] = round(sum(len(r.text) for r in records) / el, 1)
    return s, pred, merged


def write_ccks_jsonl(path: Path, records, preds=None, with_text: bool = True) -> None:
    """CCKS 2019-format lines. Without text (with_text=False) the file holds ids and offsets only, so a committed
    parity slice never copies dataset text into the repository; readers join it with the data by id."""
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(records):
            ents = preds[i] if preds is not None else r.entities
            obj = {"id": r.id, "chars": len(r.text)}
            if with_text:
                obj["originalText"] = r.text
            obj["entities"] = [{"start_pos": s, "end_pos": e, "label_type": t} for s, e, t in ents]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--run", type=Path, help="training run whose best.pt the folder was exported from (parity)")
    ap.add_argument("--data", default=None)
    ap.add_argument("--ccks2017-data", default=None)
    ap.add_argument("--serve", choices=["fp32", "int8", "auto"], default="auto",
                    help="variant to serve; auto = int8 unless it loses more than 0.5 F1 point. ship.sh serves int8: the fp32 file (104 MB) is over what git hosts take")
    ap.add_argument("--write-dev", type=Path, help="also write the dev split's gold as CCKS 2019 JSON lines here")
    args = ap.parse_args(argv)

    _, dev = split(load_ccks2019(args.data))
    cfg = json.loads((args.model / "config.json").read_text())
    heads = [h["name"] for h in cfg.get("heads", [])]
    results, preds, served_preds = {}, {}, {}
    by_head: dict[str, dict] = {}
    dev17 = split_ccks2017(load_ccks2017(args.ccks2017_data))[1] if "ccks2017" in heads else []
    for variant, f in cfg["variants"].items():
        if (args.model / f).exists():
            tagger = OnnxTagger(args.model, f)  # one session per variant, for both dev sets
            results[variant], preds[variant], served_preds[variant] = score_variant(tagger, f, dev)
            m = results[variant]["micro"]
            print(f"{variant}: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} "
                  f"{results[variant]['bytes'] / 1e6:.1f} MB {results[variant]['charsPerSecond']:.0f} chars/s")
            if dev17:
                # Each head on the data set it was trained for (its own labels; the union's other types ignored).
                by_head.setdefault("ccks2019", {})[variant] = results[variant]
                s17, p17, _ = score_variant(tagger, f, dev17, head="ccks2017")
                by_head.setdefault("ccks2017", {})[variant] = s17
                preds[f"{variant}:ccks2017"] = p17
                m = s17["micro"]
                print(f"{variant} ccks2017 head on CCKS 2017 dev: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f}")

    parity = None
    if args.run:
        from .export_onnx import load_run
        from .predict import predict_text

        model, info = load_run(args.run)
        from .tokenizer import CharTokenizer

        tok = CharTokenizer.from_file(args.model / "vocab.txt")
        W, O = cfg["window"]["size"], cfg["window"]["overlap"]
        torch_pred = [predict_text(model, tok, r.text, W, O) for r in dev]
        mismatched = [r.id for r, a, b in zip(dev, torch_pred, preds["fp32"]) if a != b]
        if dev17:
            torch17 = [predict_text(model, tok, r.text, W, O, head="ccks2017") for r in dev17]
            mismatched += [r.id for r, a, b in zip(dev17, torch17, preds["fp32:ccks2017"]) if a != b]
        n = len(dev) + len(dev17)
        parity = {"records": n, "mismatchedRecords": len(mismatched), "examples": mismatched[:5]}
        print(f"decoded-entity parity fp32 ONNX vs PyTorch (every head on its dev set): {n - len(mismatched)}/{n} records identical")

    serve = args.serve
    if serve == "auto":
        serve = "int8" if "int8" in results and results["fp32"]["micro"]["f1"] - results["int8"]["micro"]["f1"] <= 0.005 else "fp32"
    cfg["onnxFile"], cfg["precision"] = cfg["variants"][serve], serve
    (args.model / "config.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=2))
    metrics = {
        "split": {"data": "CCKS 2019 subtask 1 training (1,000 records)", "devIds": "models/train/splits/ccks2019-dev.txt",
                  "devRecords": len(dev)},
        "served": serve,
        "dev": results,
        **({"devByHead": by_head, "ccks2017Split": {
            "data": "CCKS 2017 CNER training (1,198 section texts of 300 patients)",
            "devPatients": "models/train/splits/ccks2017-dev.txt", "devRecords": len(dev17)}} if dev17 else {}),
        "parityVsPytorch": parity,
        "machine": {"cpu": platform.processor() or platform.machine(), "python": platform.python_version()},
    }
    (args.model / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2))
    # The served (merged) output, as `engine.extract` returns it, on the CCKS 2019 dev records.
    write_ccks_jsonl(args.model / "parity-dev.jsonl", dev, served_preds[serve], with_text=False)
    if args.write_dev:
        write_ccks_jsonl(args.write_dev, dev)
    print(f"serving {serve}; wrote {args.model / 'metrics.json'}")
    if parity and parity["mismatchedRecords"]:
        raise SystemExit("decoded-entity parity gate failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
