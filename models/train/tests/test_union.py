"""A model with a CRF head per label set: trains on both data sets, exports one ONNX graph with an output per head,
and the ONNX reference decodes each head and merges them by priority."""
import json

import numpy as np
import pytest
import torch

from oncotimeline_train import export_onnx, train
from oncotimeline_train.onnx_predict import OnnxTagger, merge_heads, read_heads
from oncotimeline_train.predict import predict_text


@pytest.fixture(scope="module")
def union_run(tmp_path_factory, ccks_dir, ccks2017_dir):
    from oncotimeline_train import weights

    if not (weights.CACHE / weights.BGE["name"] / "vocab.txt").exists():
        pytest.skip("needs the converted vocabulary (python -m oncotimeline_train.weights)")
    out = tmp_path_factory.mktemp("union")
    args = ["--out", str(out), "--weights", "tiny", "--tasks", "ccks2019,ccks2017", "--data", str(ccks_dir),
            "--ccks2017-data", str(ccks2017_dir), "--limit-train", "8", "--limit-dev", "3", "--max-steps", "4",
            "--epochs", "1", "--batch-size", "4", "--log-every", "2", "--window-size", "100", "--window-overlap", "30"]
    assert train.main(args) == 0
    return out


def test_union_training_logs_each_head(union_run):
    evals = [json.loads(l) for l in (union_run / "log.jsonl").read_text().splitlines() if '"eval"' in l]
    assert set(evals[-1]["dev_by_task"]) == {"ccks2019", "ccks2017"}
    run = json.loads((union_run / "run.json").read_text())
    assert run["primary"] == "ccks2019" and "ccks2017" in run["heads"]
    assert run["per_task"]["ccks2017"]["examples"] > 0


def test_warm_start_keeps_the_shared_network(union_run, tmp_path, ccks_dir):
    """--init from a single-head run: every tensor it has is copied, the new head starts fresh."""
    single = tmp_path / "single"
    assert train.main(["--out", str(single), "--weights", "tiny", "--data", str(ccks_dir), "--limit-train", "4",
                       "--limit-dev", "2", "--max-steps", "1", "--epochs", "1", "--batch-size", "4",
                       "--window-size", "100", "--window-overlap", "30"]) == 0
    args = train.parse_args(["--out", str(tmp_path / "u"), "--weights", "tiny", "--tasks", "ccks2019,ccks2017",
                             "--init", str(single / "best.pt")])
    model, _, _ = train.build(args)
    src = torch.load(single / "best.pt", weights_only=False)["model"]
    for k, v in src.items():
        assert torch.equal(model.state_dict()[k], v), k
    assert any(k.startswith("heads.ccks2017.") for k in model.state_dict())


def test_export_has_an_output_per_head_and_matches_pytorch(union_run, tmp_path, ccks_dir):
    folder = tmp_path / "model"
    assert export_onnx.main(["--run", str(union_run), "--out", str(folder), "--no-int8", "--name", "u"]) == 0
    cfg = json.loads((folder / "config.json").read_text())
    assert [h["name"] for h in cfg["heads"]] == ["ccks2019", "ccks2017"]
    assert cfg["heads"][1]["serve"] == ["症状和体征", "检查和检验", "治疗"]
    assert cfg["heads"][1]["nestOver"] == ["解剖部位"] and "nestOver" not in cfg["heads"][0]
    assert cfg["types"][-3:] == ["症状和体征", "检查和检验", "治疗"] and "身体部位" not in cfg["types"]
    model, _ = export_onnx.load_run(union_run)
    tagger = OnnxTagger(folder)
    from oncotimeline_train.data import load_ccks2019

    for r in load_ccks2019(str(ccks_dir))[:2]:
        per_head = tagger.predict_heads(r.text)
        for h, spans in zip(model.head_names, per_head):
            assert spans == predict_text(model, tagger.tok, r.text, 100, 30, head=h)
            assert tagger.predict(r.text, head=h) == spans
        assert tagger.predict(r.text) == merge_heads(tagger.heads, per_head)


def test_merge_heads_priority_and_serve(tmp_path):
    from oncotimeline_train.onnx_predict import Head

    z = np.zeros((1, 1))
    h19 = Head("ccks2019", "emissions", [], z, z[0], z[0], ["疾病和诊断", "解剖部位"], [])
    h17 = Head("ccks2017", "emissions_ccks2017", [], z, z[0], z[0], ["症状和体征", "治疗"], ["解剖部位"])
    a = [(0, 3, "疾病和诊断"), (5, 7, "解剖部位"), (20, 21, "解剖部位"), (30, 32, "解剖部位")]
    b = [(2, 4, "症状和体征"),  # overlaps a disease: dropped
         (4, 5, "治疗"),  # touches nothing: kept
         (6, 9, "症状和体征"),  # partial overlap with a body part: dropped
         (9, 11, "身体部位"),  # not served
         (12, 14, "症状和体征"),
         (20, 22, "症状和体征"),  # contains the body part 20..21: both kept (腹痛 around 腹)
         (30, 32, "症状和体征")]  # same span as a body part: dropped (one entity per span)
    assert merge_heads([h19, h17], [a, b]) == [(0, 3, "疾病和诊断"), (4, 5, "治疗"), (5, 7, "解剖部位"),
                                               (12, 14, "症状和体征"), (20, 21, "解剖部位"), (20, 22, "症状和体征"),
                                               (30, 32, "解剖部位")]
