"""Prediction from a served model folder with onnxruntime: the reference the TypeScript engine must match."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .crf import viterbi as viterbi_np  # one Viterbi for PyTorch and ONNX decoding
from .labels import tags_to_spans
from .number_edges import snap_number_edges
from .tokenizer import CharTokenizer
from .windows import Span, make_windows, merge_window_spans


@dataclass
class Head:
    name: str
    output: str
    labels: list[str]
    trans: np.ndarray
    start: np.ndarray
    end: np.ndarray
    serve: list[str]
    nest_over: list[str]


def read_heads(folder: Path, config: dict) -> list[Head]:
    """config.json `heads` (docs/CONTRACTS.md); a folder without it has one head: labels.json, crf.json, `emissions`."""
    specs = config.get("heads") or [{"name": config.get("name", "default"), "output": "emissions",
                                     "labels": "labels.json", "crf": "crf.json", "types": config["types"]}]
    heads = []
    for spec in specs:
        crf = json.loads((folder / spec["crf"]).read_text())
        heads.append(Head(spec["name"], spec["output"], json.loads((folder / spec["labels"]).read_text())["labels"],
                          np.array(crf["transitions"], dtype=np.float64), np.array(crf["start"], dtype=np.float64),
                          np.array(crf["end"], dtype=np.float64), spec.get("serve", spec["types"]),
                          spec.get("nestOver", [])))
    return heads


def merge_heads(heads: list[Head], per_head: list[list[Span]]) -> list[Span]:
    """Served output (docs/CONTRACTS.md, "Heads"): heads in order of priority. A later head's served span is kept iff
    every kept span it shares a character with lies strictly inside it with a label in the head's `nest_over`
    (a symptom 腹痛 around the body part 腹 that CCKS 2019 tags inside it). Sorted by (start, end)."""
    kept: list[Span] = []
    for head, spans in zip(heads, per_head):
        for s, e, t in spans:
            if t not in head.serve:
                continue
            hits = [(ks, ke, kt) for ks, ke, kt in kept if ks < e and s < ke]
            if all(ks >= s and ke <= e and ke - ks < e - s and kt in head.nest_over for ks, ke, kt in hits):
                kept.append((s, e, t))
    return sorted(kept)


class OnnxTagger:
    def __init__(self, folder: Path, onnx_file: str | None = None, threads: int = 0):
        import onnxruntime as ort

        self.folder = Path(folder)
        self.config = json.loads((self.folder / "config.json").read_text())
        self.heads = read_heads(self.folder, self.config)
        self.labels = self.heads[0].labels
        self.tok = CharTokenizer.from_file(self.folder / "vocab.txt")
        so = ort.SessionOptions()
        if threads:
            so.intra_op_num_threads = threads
        path = self.folder / (onnx_file or self.config["onnxFile"])
        # Dynamic int8 quantisation scales activations per input tensor: batching would make a window's result
        # depend on its batch-mates, so int8 runs one window per call (the TypeScript engine does the same).
        self.batch_size = 1 if "int8" in path.name else 16
        self.sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def emissions(self, rows: list[list[int]]) -> list[np.ndarray]:
        """One run for every head: (B, T, L_head) per head, in head order. Equal-length rows only."""
        ids = np.array(rows, dtype=np.int64)
        return self.sess.run([h.output for h in self.heads], {"input_ids": ids, "attention_mask": np.ones_like(ids)})

    def predict(self, text: str, batch_size: int | None = None, head: str | None = None) -> list[Span]:
        """Entities (code-point offsets): one head's own output with `head`, else the merged served output."""
        if head is not None and head not in [h.name for h in self.heads]:
            raise ValueError(f"no head {head!r} in {self.folder}")
        per_head = self.predict_heads(text, batch_size)
        if head is not None:
            return per_head[[h.name for h in self.heads].index(head)]
        return per_head[0] if len(self.heads) == 1 else merge_heads(self.heads, per_head)

    def predict_heads(self, text: str, batch_size: int | None = None) -> list[list[Span]]:
        batch_size = batch_size or self.batch_size
        ids = self.tok.encode_chars(text)
        if not ids:
            return [[] for _ in self.heads]
        w = self.config["window"]
        windows = make_windows(len(ids), w["size"], w["overlap"])
        per_window: list[list[list[Span]]] = [[] for _ in self.heads]
        for i in range(0, len(windows), batch_size):
            chunk = windows[i:i + batch_size]
            ems = self.emissions([self.tok.wrap(ids[x.start:x.end]) for x in chunk])
            for hi, (h, em) in enumerate(zip(self.heads, ems)):
                for j, x in enumerate(chunk):
                    path = viterbi_np(em[j, 1:-1].astype(np.float64), h.trans, h.start, h.end)
                    spans = tags_to_spans([h.labels[k] for k in path])
                    per_window[hi].append([(s + x.start, e + x.start, t) for s, e, t in spans])
        # Each head's spans after the window merge: no edge inside a number (number_edges.py), as the engine does.
        return [snap_number_edges(text, merge_window_spans(windows, pw)) for pw in per_window]
