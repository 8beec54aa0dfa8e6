"""Write the dev (or train) split as CCKS 2019 JSON lines, outside the repository, for `oncotimeline evaluate`.

    python -m oncotimeline_train.write_split --out .cache/ccks2019-dev.jsonl
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .data import load_ccks2019, split
from .evaluate_onnx import write_ccks_jsonl


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", default=None)
    ap.add_argument("--part", choices=["dev", "train"], default="dev")
    args = ap.parse_args(argv)
    train, dev = split(load_ccks2019(args.data))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    recs = dev if args.part == "dev" else train
    write_ccks_jsonl(args.out, recs)
    print(f"wrote {len(recs)} {args.part} records to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
