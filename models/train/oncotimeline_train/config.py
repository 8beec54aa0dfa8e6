"""Configuration dataclasses: defaults here, experiments override fields from the command line."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .encoder import BertConfig


@dataclass
class ModelConfig:
    encoder: BertConfig = field(default_factory=BertConfig)
    head_dim: int = 256  # the encoder's states are projected to this before the head
    use_dgcnn: bool = True
    dgcnn_dilations: tuple[int, ...] = (1, 2, 4, 1)
    dgcnn_kernel: int = 3
    use_bilstm: bool = True
    use_mha: bool = True
    mha_heads: int = 4
    dropout: float = 0.1


@dataclass
class TrainConfig:
    epochs: int = 10
    batch_size: int = 8
    lr_encoder: float = 8e-5
    lr_head: float = 1e-3
    lr_crf: float = 5e-3
    weight_decay: float = 0.01
    warmup_fraction: float = 0.06
    grad_clip: float = 1.0
    window_size: int = 500  # content tokens per window (≤ max positions − 2)
    window_overlap: int = 100
    seed: int = 42
    patience: int = 3  # epochs without dev F1 gain before stopping
    bf16: bool = False  # autocast; off by default on CPUs without native bf16 (measured: see the model card)
    threads: int = 0  # torch intra-op threads; 0 = torch default
    eval_every: int = 0  # steps; 0 = once per epoch
    log_every: int = 20  # steps between log lines and resumable checkpoints
    max_steps: int = 0  # stop after this many optimizer steps (0 = no limit); tests and smoke runs


def to_dict(cfg) -> dict:
    return asdict(cfg)


def model_config_from_dict(d: dict) -> ModelConfig:
    d = dict(d)
    enc = BertConfig(**d.pop("encoder"))
    if "dgcnn_dilations" in d:
        d["dgcnn_dilations"] = tuple(d["dgcnn_dilations"])
    return ModelConfig(encoder=enc, **d)
