"""Error classes of the dev-split analysis: each gold span and each prediction counted once, in the right class."""
from types import SimpleNamespace

from oncotimeline_train.error_analysis import CLASSES, analyse, classify, pattern, to_markdown

TEXT = "患者行左乳癌改良根治术，CEA(-)，无发热。"


def test_each_class():
    gold = [(3, 6, "疾病和诊断"), (6, 11, "手术"), (12, 15, "实验室检验"), (20, 22, "症状")]
    pred = [
        (3, 6, "疾病和诊断"),     # exact
        (6, 11, "解剖部位"),      # same bounds, other type
        (12, 18, "实验室检验"),   # same type, adds '(-)'
        (0, 2, "疾病和诊断"),     # overlaps nothing
    ]
    tp, errors = classify(gold, pred)
    assert tp == 1
    by_cls = {e.cls: e for e in errors}
    assert set(by_cls) == {"type", "boundary", "miss", "spurious"}
    assert by_cls["type"].gold == (6, 11, "手术") and by_cls["type"].pred == (6, 11, "解剖部位")
    assert by_cls["boundary"].gold == (12, 15, "实验室检验")
    assert by_cls["miss"].gold == (20, 22, "症状")
    assert by_cls["spurious"].pred == (0, 2, "疾病和诊断")
    assert pattern(TEXT, by_cls["boundary"]) == "boundary 实验室检验 pred adds '(-)' after"


def test_overlap_of_another_type_and_split_pieces():
    gold = [(6, 11, "手术")]
    pred = [(3, 8, "疾病和诊断"), (8, 11, "手术")]
    tp, errors = classify(gold, pred)
    assert tp == 0
    # The same-type piece is the gold span's partner; the other overlapping prediction is an extra piece of it.
    assert [(e.cls, e.pred) for e in errors] == [("boundary", (8, 11, "手术")), ("boundary", (3, 8, "疾病和诊断"))]


def test_every_gold_and_prediction_counted_once():
    gold = [(0, 2, "A"), (2, 4, "A"), (5, 9, "B")]
    pred = [(0, 4, "A"), (5, 9, "A"), (10, 12, "B")]
    tp, errors = classify(gold, pred)
    golds = [e.gold for e in errors if e.gold is not None]
    preds = [e.pred for e in errors if e.pred is not None]
    assert tp + len(golds) == len(gold) and len(golds) == len(set(golds))
    assert tp + len(preds) == len(pred) and len(preds) == len(set(preds))


def test_report_sums_and_markdown():
    rec = SimpleNamespace(text=TEXT, entities=[(3, 6, "疾病和诊断"), (20, 22, "症状")])
    report = analyse([rec, rec], [[(3, 6, "疾病和诊断")], [(3, 7, "疾病和诊断")]])
    assert report["micro"]["tp"] == 1 and report["micro"]["gold"] == 4 and report["micro"]["pred"] == 2
    assert report["byClass"] == {"boundary": 1, "type": 0, "boundary+type": 0, "miss": 2, "spurious": 0}
    assert report["errors"] == 3
    assert report["topPatterns"][0] == {"pattern": "miss 症状 '发热'", "count": 2, "example": "gold '发热'"}
    md = to_markdown("t", report)
    assert "| 疾病和诊断 | 2 | 1 | 1 | 0 | 0 | 0 | 0 |" in md and all(c in md for c in CLASSES)
