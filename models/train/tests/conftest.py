import os
from pathlib import Path

import pytest

from oncotimeline_train.data import ccks2019_dir


@pytest.fixture(scope="session")
def ccks_dir() -> Path:
    d = ccks2019_dir()
    if not (d / "subtask1_training_part1.txt").exists():
        pytest.skip(f"CCKS 2019 data not found at {d} (set CCKS2019_DIR)")
    return d


@pytest.fixture(scope="session")
def vocab_path(tmp_path_factory) -> Path:
    """The converted bge vocabulary if present, else a small synthetic one with the same special tokens."""
    from oncotimeline_train.weights import BGE, CACHE

    real = CACHE / BGE["name"] / "vocab.txt"
    if real.exists():
        return real
    p = tmp_path_factory.mktemp("vocab") / "vocab.txt"
    specials = ["[PAD]", "[unused1]"] + [f"[unused{i}]" for i in range(2, 100)] + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = [chr(c) for c in range(0x21, 0x7F)] + [chr(c) for c in range(0x4E00, 0x4E00 + 21128 - 104 - 94)]
    p.write_text("\n".join(specials + chars) + "\n", encoding="utf-8")
    return p


@pytest.fixture(scope="session")
def ccks2017_dir() -> Path:
    from oncotimeline_train.data import ccks2017_dir as d17

    d = d17()
    if not (d / "Data" / "Train" / "一般项目").exists():
        pytest.skip(f"CCKS 2017 data not found at {d} (set CCKS2017_DIR)")
    return d
