"""Write a dev (or train) split as CCKS 2019-format JSON lines, outside the repository, for `oncotimeline evaluate`.

    python -m oncotimeline_train.write_split --out .cache/ccks2019-dev.jsonl
    python -m oncotimeline_train.write_split --dataset ccks2017 --out .cache/ccks2017-dev.jsonl
    python -m oncotimeline_train.write_split --dataset ccks2017 --min-patient 201 --out .cache/ccks2017-dev-late.jsonl

`--min-patient N` keeps the CCKS 2017 dev texts of patients N and above only: with N=201 the late-ID slice of the
split the served model was trained with (held out, so honestly scored; models/ERRORS.md, "A dev split that predicts
the test"). `--dev-ids FILE` uses another CCKS 2017 dev patient list, e.g. the proposed `splits/ccks2017-dev-idtail.txt`
(patients 256-300): only a model trained on that split's train part may be scored on it.

The CCKS 2017 files (one annotation file per section text, end offsets INCLUSIVE) are converted to the CCKS 2019 form:
`originalText`, `entities` with `start_pos`, `end_pos` (exclusive) and `label_type`, plus `id`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .data import CCKS2017_DEV_IDS_FILE, ccks2017_patient, load_ccks2017, load_ccks2019, split, split_ccks2017
from .evaluate_onnx import write_ccks_jsonl


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dataset", choices=["ccks2019", "ccks2017"], default="ccks2019")
    ap.add_argument("--data", default=None, help="the data set's folder (default: $CCKS2019_DIR / $CCKS2017_DIR or ../shared/data/...)")
    ap.add_argument("--part", choices=["dev", "train"], default="dev")
    ap.add_argument("--dev-ids", type=Path, default=CCKS2017_DEV_IDS_FILE, help="CCKS 2017 dev patient list")
    ap.add_argument("--min-patient", type=int, default=None, help="CCKS 2017: only patients with this id or above")
    args = ap.parse_args(argv)
    if args.dataset == "ccks2019":
        train, dev = split(load_ccks2019(args.data))
    else:
        train, dev = split_ccks2017(load_ccks2017(args.data), args.dev_ids)
        if args.min_patient is not None:
            train, dev = ([r for r in rs if int(ccks2017_patient(r.id)) >= args.min_patient] for rs in (train, dev))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    recs = dev if args.part == "dev" else train
    write_ccks_jsonl(args.out, recs)
    print(f"wrote {len(recs)} {args.dataset} {args.part} records to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
