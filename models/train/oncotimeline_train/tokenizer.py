"""Character tokeniser shared bit-for-bit with the TypeScript engine (docs/CONTRACTS.md, "Tokenisation").

One token per code point so entity offsets map 1:1 onto token indices; no WordPiece merging, because
CCKS offsets are character offsets and a merged piece could straddle an entity boundary.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The contract's whitespace set, spelled out: Python's str.isspace() and JS's \s disagree on U+001C–U+001F.
WHITESPACE = frozenset(
    [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
     0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF]
)
WHITESPACE_TOKEN = "[unused1]"
UNK, CLS, SEP, PAD = "[UNK]", "[CLS]", "[SEP]", "[PAD]"


def normalise_char(ch: str) -> str:
    """Map one character to the vocabulary key it is looked up under."""
    cp = ord(ch)
    if 0xFF01 <= cp <= 0xFF5E:
        cp -= 0xFEE0  # full-width ASCII → half-width
    elif cp == 0x3000:
        cp = 0x20
    if cp in WHITESPACE:
        return WHITESPACE_TOKEN
    if 0x41 <= cp <= 0x5A:
        cp += 0x20  # ASCII lower-case, as bert-base-chinese's uncased vocabulary expects
    return chr(cp)


@dataclass(frozen=True)
class CharTokenizer:
    vocab: dict[str, int]

    @classmethod
    def from_file(cls, path: str | Path) -> "CharTokenizer":
        tokens = Path(path).read_text(encoding="utf-8").split("\n")
        if tokens and tokens[-1] == "":
            tokens = tokens[:-1]
        vocab = {t: i for i, t in enumerate(tokens)}
        for special in (UNK, CLS, SEP, PAD, WHITESPACE_TOKEN):
            if special not in vocab:
                raise ValueError(f"vocabulary {path} lacks {special}")
        return cls(vocab)

    @property
    def pad_id(self) -> int:
        return self.vocab[PAD]

    @property
    def cls_id(self) -> int:
        return self.vocab[CLS]

    @property
    def sep_id(self) -> int:
        return self.vocab[SEP]

    def encode_chars(self, text: str) -> list[int]:
        """Token ids for the text's characters, one per code point, without [CLS]/[SEP]."""
        unk = self.vocab[UNK]
        return [self.vocab.get(normalise_char(ch), unk) for ch in text]

    def wrap(self, ids: list[int]) -> list[int]:
        return [self.cls_id, *ids, self.sep_id]
