"""The live parity reference: `predict_jsonl` decodes a served folder exactly as OnnxTagger does, line by line."""
import io
import json
import sys
from pathlib import Path

import pytest

from oncotimeline_train import predict_jsonl
from oncotimeline_train.onnx_predict import OnnxTagger

TINY = Path(__file__).resolve().parents[3] / "test" / "fixtures" / "tiny-union-model"


def run(monkeypatch, stdin: str, *args: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert predict_jsonl.main(["--model", str(TINY), *args]) == 0
    return [json.loads(l) for l in out.getvalue().splitlines()]


def test_matches_onnx_tagger_served_and_per_head(monkeypatch):
    texts = ["患者因直肠癌行根治术。", "", "CT示左肺上叶结节𠀀，血常规PLT正常"]
    tagger = OnnxTagger(TINY, threads=1)
    lines = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\n"
    served = run(monkeypatch, lines)
    assert [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in served] == [tagger.predict(t) for t in texts]
    head = run(monkeypatch, lines, "--head", "ccks2017")
    assert [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in head] == [tagger.predict(t, head="ccks2017") for t in texts]
    assert sum(len(r["entities"]) for r in served) > 0


def test_malformed_line_names_its_number(monkeypatch):
    with pytest.raises(SystemExit, match="line 2"):
        run(monkeypatch, '{"text": "a"}\n{"txt": 1}\n')
