"""Whole-record prediction with PyTorch: window, decode each window, merge (the contract the engine mirrors)."""
from __future__ import annotations

import torch

from .labels import tags_to_spans
from .model import HybridTagger
from .number_edges import snap_number_edges
from .tokenizer import CharTokenizer
from .windows import Span, make_windows, merge_window_spans


@torch.no_grad()
def predict_text(model: HybridTagger, tok: CharTokenizer, text: str, size: int, overlap: int,
                 batch_size: int = 16, head: str | None = None) -> list[Span]:
    ids = tok.encode_chars(text)
    if not ids:
        return []
    windows = make_windows(len(ids), size, overlap)
    per_window: list[list[Span]] = []
    for i in range(0, len(windows), batch_size):
        chunk = windows[i:i + batch_size]
        # All windows of one record but the single-window case have length `size`, so a chunk is unpadded.
        T = max(w.end - w.start for w in chunk) + 2
        inp = torch.full((len(chunk), T), tok.pad_id, dtype=torch.long)
        mask = torch.zeros((len(chunk), T), dtype=torch.long)
        for j, w in enumerate(chunk):
            row = tok.wrap(ids[w.start:w.end])
            inp[j, : len(row)] = torch.tensor(row)
            mask[j, : len(row)] = 1
        labels = model.head_labels(head)
        for w, path in zip(chunk, model.decode(inp, mask, head=head)):
            tags = [labels[k] for k in path]
            per_window.append([(s + w.start, e + w.start, t) for s, e, t in tags_to_spans(tags)])
    return snap_number_edges(text, merge_window_spans(windows, per_window))  # no edge inside a number
