from oncotimeline_train.data import DEV_IDS_FILE, load_ccks2019, make_dev_ids, make_examples, split
from oncotimeline_train.labels import CCKS2019_TYPES, bioes_labels, tags_to_spans
from oncotimeline_train.tokenizer import CharTokenizer


def test_loader_round_trips_offsets(ccks_dir):
    recs = load_ccks2019(str(ccks_dir))
    assert len(recs) == 1000
    assert sum(len(r.entities) for r in recs) == 17653
    assert not recs[0].text.startswith("\ufeff")  # BOM stripped
    for r in recs[:50]:
        for s, e, t in r.entities:
            assert t in CCKS2019_TYPES and r.text[s:e]


def test_split_is_the_committed_one_and_disjoint(ccks_dir):
    recs = load_ccks2019(str(ccks_dir))
    assert make_dev_ids(recs) == DEV_IDS_FILE.read_text().split()
    train, dev = split(recs)
    assert len(dev) == 150
    assert not {r.text for r in train} & {r.text for r in dev}


def test_examples_tags_decode_to_gold(ccks_dir, vocab_path):
    recs = load_ccks2019(str(ccks_dir))[:40]
    tok = CharTokenizer.from_file(vocab_path)
    labels = bioes_labels(CCKS2019_TYPES)
    lid = {l: i for i, l in enumerate(labels)}
    exs = make_examples(recs, tok, lid, 120, 40)
    by_id = {r.id: r for r in recs}
    for ex in exs:
        assert len(ex.input_ids) == len(ex.tags) + 2
        spans = {(s + ex.offset, e + ex.offset, t) for s, e, t in tags_to_spans([labels[i] for i in ex.tags])}
        gold_inside = {g for g in by_id[ex.record_id].entities if g[0] >= ex.offset and g[1] <= ex.offset + len(ex.tags)}
        assert spans == gold_inside
