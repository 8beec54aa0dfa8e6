"""Decode texts with a served model folder on this machine: the live reference for the TypeScript parity test.

    python -m oncotimeline_train.predict_jsonl --model models/ccks-union-hybrid < texts.jsonl > entities.jsonl

Input: JSON lines `{"text": ...}`. Output: one line per input, `{"entities": [{"start", "end", "label"}]}` (code-point
offsets, end exclusive), the merged served output or, with `--head`, one head's own output.

Why live: int8 kernels differ by CPU (AVX2 vs AVX-512 VNNI/AMX round the quantised products differently), so a fixture
recorded on one CPU is not the reference on another. The same ONNX file through the same onnxruntime version on the same
CPU is, and that is what the TypeScript engine must match exactly.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .onnx_predict import OnnxTagger


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="served model folder (config.json, ONNX, vocab, CRF)")
    ap.add_argument("--onnx", default=None, help="ONNX file in the folder (default: config.json onnxFile)")
    ap.add_argument("--head", default=None, help="one head's own output instead of the merged served output")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)

    tagger = OnnxTagger(args.model, args.onnx, threads=args.threads)
    out = sys.stdout
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
        except (ValueError, KeyError, TypeError) as err:
            raise SystemExit(f"line {n}: expected a JSON object with a string 'text' ({err})")
        spans = tagger.predict(text, head=args.head)
        out.write(json.dumps({"entities": [{"start": s, "end": e, "label": t} for s, e, t in spans]},
                             ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
