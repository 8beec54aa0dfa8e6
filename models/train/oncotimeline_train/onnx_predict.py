"""Prediction from a served model folder with onnxruntime: the reference the TypeScript engine must match."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .crf import viterbi as viterbi_np  # one Viterbi for PyTorch and ONNX decoding
from .labels import tags_to_spans
from .tokenizer import CharTokenizer
from .windows import Span, make_windows, merge_window_spans


class OnnxTagger:
    def __init__(self, folder: Path, onnx_file: str | None = None, threads: int = 0):
        import onnxruntime as ort

        self.folder = Path(folder)
        self.config = json.loads((self.folder / "config.json").read_text())
        self.labels = json.loads((self.folder / "labels.json").read_text())["labels"]
        crf = json.loads((self.folder / "crf.json").read_text())
        self.trans = np.array(crf["transitions"], dtype=np.float64)
        self.start = np.array(crf["start"], dtype=np.float64)
        self.end = np.array(crf["end"], dtype=np.float64)
        self.tok = CharTokenizer.from_file(self.folder / "vocab.txt")
        so = ort.SessionOptions()
        if threads:
            so.intra_op_num_threads = threads
        path = self.folder / (onnx_file or self.config["onnxFile"])
        # Dynamic int8 quantisation scales activations per input tensor: batching would make a window's result
        # depend on its batch-mates, so int8 runs one window per call (the TypeScript engine does the same).
        self.batch_size = 1 if "int8" in path.name else 16
        self.sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def emissions(self, rows: list[list[int]]) -> np.ndarray:
        ids = np.array(rows, dtype=np.int64)  # equal-length rows only (see config.json "batching")
        return self.sess.run(["emissions"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]

    def predict(self, text: str, batch_size: int | None = None) -> list[Span]:
        batch_size = batch_size or self.batch_size
        ids = self.tok.encode_chars(text)
        if not ids:
            return []
        w = self.config["window"]
        windows = make_windows(len(ids), w["size"], w["overlap"])
        per_window: list[list[Span]] = []
        for i in range(0, len(windows), batch_size):
            chunk = windows[i:i + batch_size]
            em = self.emissions([self.tok.wrap(ids[x.start:x.end]) for x in chunk])
            for j, x in enumerate(chunk):
                path = viterbi_np(em[j, 1:-1].astype(np.float64), self.trans, self.start, self.end)
                spans = tags_to_spans([self.labels[k] for k in path])
                per_window.append([(s + x.start, e + x.start, t) for s, e, t in spans])
        return merge_window_spans(windows, per_window)
