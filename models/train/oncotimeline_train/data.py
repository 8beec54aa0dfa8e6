"""CCKS 2019 and CCKS 2017 records: reading by path, the seeded dev splits, and windowed training examples."""
from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from .labels import spans_to_tags
from .tokenizer import CharTokenizer
from .windows import make_windows

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CCKS2019_DIR = REPO_ROOT.parent / "shared" / "data" / "ccks2019"
CCKS2019_FILES = ("subtask1_training_part1.txt", "subtask1_training_part2.txt")
DEV_IDS_FILE = Path(__file__).resolve().parents[1] / "splits" / "ccks2019-dev.txt"


@dataclass
class Record:
    id: str  # "p<part>-L<line>": part file and 1-based physical line, stable across copies of the data
    text: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # code-point offsets, end exclusive


def ccks2019_dir(path: str | None = None) -> Path:
    return Path(path or os.environ.get("CCKS2019_DIR") or DEFAULT_CCKS2019_DIR)


def read_ccks_file(path: Path, part: int) -> list[Record]:
    records = []
    # utf-8-sig: the files start with a BOM (see the data's SOURCE.md)
    with open(path, encoding="utf-8-sig") as f:
        for line_no, line in enumerate(f, start=1):
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj["originalText"]
            ents = [(e["start_pos"], e["end_pos"], e["label_type"]) for e in obj.get("entities", [])]
            for s, e, _ in ents:
                if not 0 <= s < e <= len(text):
                    raise ValueError(f"{path}:{line_no}: entity offsets {s}..{e} outside a text of {len(text)}")
            records.append(Record(f"p{part}-L{line_no}", text, sorted(ents)))
    return records


def load_ccks2019(data_dir: str | None = None) -> list[Record]:
    d = ccks2019_dir(data_dir)
    out: list[Record] = []
    for part, name in enumerate(CCKS2019_FILES, start=1):
        out.extend(read_ccks_file(d / name, part))
    return out


def make_dev_ids(records: list[Record], fraction: float = 0.15, seed: int = 2019) -> list[str]:
    ids = sorted(r.id for r in records)
    random.Random(seed).shuffle(ids)
    return sorted(ids[: round(len(ids) * fraction)])


def split(records: list[Record], dev_ids_file: Path = DEV_IDS_FILE) -> tuple[list[Record], list[Record]]:
    """Train/dev by the committed dev id list, so every run and every language scores the same records."""
    dev_ids = set(dev_ids_file.read_text(encoding="utf-8").split())
    dev = [r for r in records if r.id in dev_ids]
    dev_texts = {r.text for r in dev}
    # The training files hold one duplicated text (p1-L338 = p2-L206); never train on a dev text.
    train = [r for r in records if r.id not in dev_ids and r.text not in dev_texts]
    if len(dev) != len(dev_ids):
        raise ValueError(f"{len(dev_ids) - len(dev)} dev ids not found in the data")
    return train, dev


@dataclass
class Example:
    record_id: str
    offset: int  # first character of the window in the record
    input_ids: list[int]  # [CLS] chars [SEP]
    tags: list[int]  # one per character (no CLS/SEP)


def make_examples(records: list[Record], tok: CharTokenizer, label_ids: dict[str, int],
                  size: int, overlap: int) -> list[Example]:
    out = []
    for r in records:
        ids = tok.encode_chars(r.text)
        tags = [label_ids[t] for t in spans_to_tags(len(ids), r.entities)]
        for w in make_windows(len(ids), size, overlap):
            # A window edge can cut an entity; its partial tags would teach impossible BIOES runs, so re-tag the
            # window from the spans it fully contains and leave cut entities as O (rare: overlap ≫ entity length).
            inside = [(s - w.start, e - w.start, t) for s, e, t in r.entities if s >= w.start and e <= w.end]
            wtags = [label_ids[t] for t in spans_to_tags(w.end - w.start, inside)]
            if w.start == 0 and w.end == len(ids):
                wtags = tags
            out.append(Example(r.id, w.start, tok.wrap(ids[w.start:w.end]), wtags))
    return out


# --- CCKS 2017 CNER (auxiliary label set: symptoms, tests, treatments, body parts) -------------------------------

DEFAULT_CCKS2017_DIR = REPO_ROOT.parent / "shared" / "data" / "ccks2017-cner"
CCKS2017_SECTIONS = ("一般项目", "病史特点", "诊疗经过", "出院情况")
CCKS2017_DEV_IDS_FILE = Path(__file__).resolve().parents[1] / "splits" / "ccks2017-dev.txt"


def ccks2017_dir(path: str | None = None) -> Path:
    return Path(path or os.environ.get("CCKS2017_DIR") or DEFAULT_CCKS2017_DIR)


def load_ccks2017(data_dir: str | None = None) -> list[Record]:
    """One record per section text, id `ccks2017-<patient>-<section>`; end offsets there are INCLUSIVE (SOURCE.md)."""
    root = ccks2017_dir(data_dir) / "Data" / "Train"
    out: list[Record] = []
    for section in CCKS2017_SECTIONS:
        folder = root / section
        for orig in sorted(folder.glob(f"{section}-*.txtoriginal.txt"),
                           key=lambda p: int(p.name[len(section) + 1:].split(".")[0])):
            n = int(orig.name[len(section) + 1:].split(".")[0])
            text = orig.read_text(encoding="utf-8").rstrip("\r\n")
            ents = []
            ann = folder / f"{section}-{n}.txt"
            for line_no, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                parts = line.rstrip("\r").split("\t")
                if len(parts) != 4:
                    raise ValueError(f"{ann}:{line_no}: expected mention<TAB>start<TAB>end<TAB>type")
                mention, s, e, label = parts[0], int(parts[1]), int(parts[2]) + 1, parts[3]
                if not 0 <= s < e <= len(text) or text[s:e] != mention:
                    raise ValueError(f"{ann}:{line_no}: span {s}..{e} does not match its mention")
                ents.append((s, e, label))
            out.append(Record(f"ccks2017-{n}-{section}", text, sorted(set(ents))))
    return out


def ccks2017_patient(record_id: str) -> str:
    return record_id.split("-")[1]


def make_ccks2017_dev_patients(records: list[Record], fraction: float = 0.15, seed: int = 2017) -> list[str]:
    """Dev split by patient: a patient's four sections share phrasing, so they stay on one side."""
    patients = sorted({ccks2017_patient(r.id) for r in records}, key=int)
    random.Random(seed).shuffle(patients)
    return sorted(patients[: round(len(patients) * fraction)], key=int)


def split_ccks2017(records: list[Record], dev_file: Path = CCKS2017_DEV_IDS_FILE) -> tuple[list[Record], list[Record]]:
    dev_patients = set(dev_file.read_text(encoding="utf-8").split())
    dev = [r for r in records if ccks2017_patient(r.id) in dev_patients]
    dev_texts = {r.text for r in dev}
    train = [r for r in records if ccks2017_patient(r.id) not in dev_patients and r.text not in dev_texts]
    return train, dev
