"""A tiny random config trains a few steps, exports to ONNX and passes the parity gates."""
import json

import numpy as np
import pytest
import torch

from oncotimeline_train import export_onnx, train
from oncotimeline_train.onnx_predict import OnnxTagger
from oncotimeline_train.predict import predict_text


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory, ccks_dir, vocab_path):
    from oncotimeline_train import weights

    if not (weights.CACHE / weights.BGE["name"] / "vocab.txt").exists():
        pytest.skip("needs the converted vocabulary (python -m oncotimeline_train.weights)")
    out = tmp_path_factory.mktemp("run")
    args = ["--out", str(out), "--weights", "tiny", "--data", str(ccks_dir), "--limit-train", "12", "--limit-dev", "4",
            "--max-steps", "4", "--epochs", "1", "--batch-size", "4", "--log-every", "2", "--window-size", "100",
            "--window-overlap", "30"]
    assert train.main(args) == 0
    return out


def test_training_writes_checkpoints_and_resumes(tiny_run, ccks_dir):
    log = [json.loads(l) for l in (tiny_run / "log.jsonl").read_text().splitlines()]
    assert any("loss" in l and np.isfinite(l["loss"]) for l in log)
    assert (tiny_run / "best.pt").exists() and (tiny_run / "last.pt").exists()
    state = torch.load(tiny_run / "last.pt", weights_only=False)["state"]
    assert state["step"] == 4 and state.get("finished")


def test_export_parity(tiny_run, tmp_path, ccks_dir):
    folder = tmp_path / "model"
    assert export_onnx.main(["--run", str(tiny_run), "--out", str(folder), "--no-int8"]) == 0
    for f in ("model.onnx", "vocab.txt", "labels.json", "crf.json", "config.json"):
        assert (folder / f).exists(), f
    model, info = export_onnx.load_run(tiny_run)
    tagger = OnnxTagger(folder)
    from oncotimeline_train.data import load_ccks2019

    for r in load_ccks2019(str(ccks_dir))[:3]:
        row = tagger.tok.wrap(tagger.tok.encode_chars(r.text[:150]))
        with torch.no_grad():
            ref = model.emissions(torch.tensor([row]), torch.ones(1, len(row), dtype=torch.long)).numpy()
        assert np.abs(ref - tagger.emissions([row])).max() < 1e-4
        # Decoded entities identical, windows and all.
        assert tagger.predict(r.text) == predict_text(model, tagger.tok, r.text, 100, 30)
    crf = json.loads((folder / "crf.json").read_text())
    assert len(crf["transitions"]) == len(json.loads((folder / "labels.json").read_text())["labels"])
