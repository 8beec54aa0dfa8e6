from oncotimeline_train.number_edges import NUMBER, snap_number_edges


def span(text, piece, label="X"):
    s = text.index(piece)
    return (s, s + len(piece), label)


def texts(text, spans):
    return [text[s:e] for s, e, _ in snap_number_edges(text, spans)]


def test_number_definition():
    assert [m.group() for m in NUMBER.finditer("0.9%氯化钠 250ml １２．５ CA19-9 1. 3.4.5")] == \
        ["0.9", "250", "１２．５", "19", "9", "1", "3.4.5"]


def test_start_inside_a_decimal_moves_to_the_number_start():
    text = "给予0.9%氯化钠注射液250ml"
    assert snap_number_edges(text, [span(text, "9%氯化钠注射液", "治疗")]) == [(2, 12, "治疗")]


def test_end_inside_moves_to_the_number_end():
    text = "甲状腺增大.CA72.4 15U/ml"
    assert texts(text, [span(text, "CA7")]) == ["CA72.4"]
    assert texts("CA199149U/ml", [(0, 5, "X")]) == ["CA199149"]


def test_edges_next_to_a_number_stay():
    text = "2.6%中性细胞数 5-FU 心率120次 1."
    spans = [span(text, "%中性细胞数"), span(text, "FU"), span(text, "心率"), span(text, "1.")]
    assert texts(text, spans) == ["%中性细胞数", "FU", "心率", "1."]


def test_full_width():
    assert texts("剂量１２．５５ｍｇ", [(3, 5, "X")]) == ["１２．５５"]


def test_moved_span_overlapping_another_is_dropped():
    text = "剂量120mg"
    assert snap_number_edges(text, [(0, 4, "A"), (4, 7, "B")]) == []
    assert snap_number_edges(text, [(5, 7, "D"), (2, 3, "C"), (0, 2, "E")]) == [(0, 2, "E"), (2, 5, "C"), (5, 7, "D")]
    assert snap_number_edges("12345", [(0, 2, "F"), (4, 5, "G")]) == []


def test_no_numbers_sorted_unchanged():
    assert snap_number_edges("腹痛伴发热", [(3, 5, "S"), (0, 2, "S")]) == [(0, 2, "S"), (3, 5, "S")]
    assert snap_number_edges("12", []) == []


def test_matches_brute_force_on_random_texts():
    import random
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("120.．５%药A ") for _ in range(rng.randint(1, 30)))
        spans, i = [], 0
        while i < len(text):
            n = rng.randint(1, 4)
            if rng.random() < 0.5 and i + n <= len(text):
                spans.append((i, i + n, "X"))
            i += n
        runs = [(m.start(), m.end()) for m in NUMBER.finditer(text)]
        run_at = lambda k: next((r for r in runs if r[0] <= k < r[1]), None)
        moved = []
        for s, e, t in spans:
            rs = run_at(s - 1) if s > 0 else None
            re_ = run_at(e) if e < len(text) else None
            ns = rs[0] if rs is not None and rs == run_at(s) else s
            ne = re_[1] if re_ is not None and re_ == run_at(e - 1) else e
            moved.append(((ns, ne, t), (ns, ne) != (s, e)))
        expected = sorted(sp for i, (sp, ch) in enumerate(moved)
                          if not ch or not any(j != i and o[0] < sp[1] and sp[0] < o[1] for j, (o, _) in enumerate(moved)))
        assert snap_number_edges(text, list(reversed(spans))) == expected, text
