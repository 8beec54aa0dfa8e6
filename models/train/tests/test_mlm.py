"""Continued MLM pretraining: dev texts never reach the corpus, whole-unit masking, and a short run that resumes and
writes an encoder the NER trainer loads."""
import json

import numpy as np
import pytest

from oncotimeline_train import mlm
from oncotimeline_train.tokenizer import CharTokenizer


def test_drop_dev_lines():
    dev = ["患者因“直肠癌”于2018-03-12在我院行根治术，术后恢复可。", "咳嗽三天伴发热入院"]
    lines = ["患者因“直肠癌”于2018-03-12在我院行根治术", "无关的一行医学文本内容较长一些", "咳嗽三天伴发热入院", "咳嗽",
             "前言：患者因“直肠癌”于2018-03-12在我院行根治术，术后恢复可。又有"]
    kept, dropped = mlm.drop_dev_lines(lines, dev)
    # Lines under 8 characters ("咳嗽") are generic phrases, not a record: kept.
    assert kept == ["无关的一行医学文本内容较长一些", "咳嗽"] and dropped == 3


def test_unit_ids_take_the_longest_lexicon_match():
    lex = {"直肠癌", "直肠癌根治术", "化疗"}
    u = mlm.unit_ids("行直肠癌根治术后化疗", lex, first=10)
    assert u == [10, 11, 11, 11, 11, 11, 11, 12, 13, 13]


def test_mask_rows_masks_whole_units_at_about_15_percent():
    rng = np.random.default_rng(0)
    n = 200
    ids = rng.integers(200, 5000, size=(8, n))
    units = np.repeat(np.arange(8 * n // 4).reshape(8, n // 4), 4, axis=1)  # units of 4 tokens
    inp, lab = mlm.mask_rows(ids, units, rng, mask_id=103, vocab_size=21128, special={101, 102, 0})
    chosen = lab != mlm.IGNORE
    assert 0.12 <= chosen.mean() <= 0.2
    for r in range(8):  # a unit is chosen whole or not at all
        per_unit = chosen[r].reshape(-1, 4)
        assert np.all(per_unit.all(1) | ~per_unit.any(1))
    assert np.array_equal(lab[chosen], ids[chosen])
    assert (inp[chosen] == 103).mean() > 0.7
    assert np.array_equal(inp[~chosen], ids[~chosen])


def test_short_run_resumes_and_writes_an_encoder(tmp_path, ccks_dir, ccks2017_dir):
    from oncotimeline_train import weights

    base = weights.CACHE / weights.BGE["name"]
    if not (base / "model.safetensors").exists():
        pytest.skip("needs the converted base weights (python -m oncotimeline_train.weights)")
    run, out = tmp_path / "run", tmp_path / "enc"
    common = ["--out", str(run), "--weights-out", str(out), "--limit-lines", "300", "--eval-lines", "40",
              "--batch-size", "2", "--block", "64", "--head-steps", "1", "--save-every", "1"]
    assert mlm.main(common + ["--max-steps", "2"]) == 0
    assert mlm.main(common + ["--max-steps", "3"]) == 0  # resumes at step 2
    log = [json.loads(l) for l in (run / "log.jsonl").read_text().splitlines()]
    assert [l["eval"] for l in log if "eval" in l] == ["before", "after", "after"]
    m = json.loads((run / "mlm-metrics.json").read_text())
    assert m["steps"] == 3 and m["tokens_seen"] == 3 * 2 * 62
    from oncotimeline_train.encoder import BertConfig, BertModel

    enc = BertModel(BertConfig(**json.loads((out / "config.json").read_text())))
    weights.load_encoder_weights(enc, out)  # the trainer's loader takes it
    CharTokenizer.from_file(out / "vocab.txt")
