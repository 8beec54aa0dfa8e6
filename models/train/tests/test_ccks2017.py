"""CCKS 2017 CNER: inclusive end offsets converted to exclusive, a patient-level dev split, the JSON-lines converter."""
import json

from oncotimeline_train import write_split
from oncotimeline_train.data import (ccks2017_patient, load_ccks2017, make_ccks2017_dev_patients, split_ccks2017)
from oncotimeline_train.labels import CCKS2017_TYPES


def test_offsets_are_exclusive_and_match_mentions(ccks2017_dir):
    recs = load_ccks2017(str(ccks2017_dir))
    assert len(recs) == 1198  # SOURCE.md: 1,198 section texts
    assert sum(len(r.entities) for r in recs) == 29866
    ann = (ccks2017_dir / "Data" / "Train" / "一般项目" / "一般项目-1.txt").read_text(encoding="utf-8").splitlines()
    mention, s, e, label = ann[0].split("\t")
    r = next(x for x in recs if x.id == "ccks2017-1-一般项目")
    assert (int(s), int(e) + 1, label) in r.entities
    assert r.text[int(s):int(e) + 1] == mention
    assert {t for r in recs for *_, t in r.entities} == set(CCKS2017_TYPES)
    assert not any(r.text.endswith(("\r", "\n")) for r in recs)


def test_dev_split_is_by_patient_and_committed(ccks2017_dir):
    recs = load_ccks2017(str(ccks2017_dir))
    train, dev = split_ccks2017(recs)
    assert {ccks2017_patient(r.id) for r in train}.isdisjoint({ccks2017_patient(r.id) for r in dev})
    assert not {r.text for r in train} & {r.text for r in dev}
    # The committed file is what the seeded split gives (regenerating it changes nothing).
    assert sorted({ccks2017_patient(r.id) for r in dev}, key=int) == make_ccks2017_dev_patients(recs)
    assert 150 <= len(dev) <= 200


def test_converter_writes_ccks2019_format(ccks2017_dir, tmp_path):
    out = tmp_path / "dev.jsonl"
    assert write_split.main(["--dataset", "ccks2017", "--data", str(ccks2017_dir), "--out", str(out)]) == 0
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    _, dev = split_ccks2017(load_ccks2017(str(ccks2017_dir)))
    assert len(rows) == len(dev)
    for row in rows:
        for e in row["entities"]:
            assert 0 <= e["start_pos"] < e["end_pos"] <= len(row["originalText"])
            assert e["label_type"] in CCKS2017_TYPES


def test_late_slice_and_idtail_split(ccks2017_dir, tmp_path):
    """--min-patient keeps the held-out late-ID dev texts; the proposed ID-tail split is patients 256-300."""
    late = tmp_path / "late.jsonl"
    assert write_split.main(["--dataset", "ccks2017", "--data", str(ccks2017_dir), "--min-patient", "201",
                             "--out", str(late)]) == 0
    rows = [json.loads(l) for l in late.read_text(encoding="utf-8").splitlines()]
    _, dev = split_ccks2017(load_ccks2017(str(ccks2017_dir)))
    assert [r["id"] for r in rows] == [r.id for r in dev if int(ccks2017_patient(r.id)) >= 201]
    assert len(rows) == 80
    tail = write_split.CCKS2017_DEV_IDS_FILE.parent / "ccks2017-dev-idtail.txt"
    assert tail.read_text(encoding="utf-8").split() == [str(n) for n in range(256, 301)]
    train, dev = split_ccks2017(load_ccks2017(str(ccks2017_dir)), tail)
    assert len(dev) == 180 and all(int(ccks2017_patient(r.id)) < 256 for r in train)
