from oncotimeline_train.tokenizer import WHITESPACE_TOKEN, CharTokenizer, normalise_char


def test_fullwidth_and_case_normalisation():
    assert normalise_char("Ａ") == "a"
    assert normalise_char("７") == "7"
    assert normalise_char("：") == ":"
    assert normalise_char("C") == "c"
    assert normalise_char("癌") == "癌"


def test_whitespace_is_a_token_not_dropped():
    for ch in (" ", "\t", "\n", "\u3000", "\u00a0", "\u2003"):
        assert normalise_char(ch) == WHITESPACE_TOKEN
    assert normalise_char("\x1c") != WHITESPACE_TOKEN  # Python isspace() says yes, JS \s says no: contract says no


def test_one_token_per_code_point(vocab_path):
    tok = CharTokenizer.from_file(vocab_path)
    text = "患者 ＣＥＡ𠀀\n"
    ids = tok.encode_chars(text)
    assert len(ids) == len(text)  # Python str indexes code points, like CCKS offsets
    assert ids[2] == tok.vocab[WHITESPACE_TOKEN]
    assert ids[6] == tok.vocab["[UNK]"]  # astral character: unknown, still one token
    assert tok.wrap(ids)[0] == tok.cls_id and tok.wrap(ids)[-1] == tok.sep_id
