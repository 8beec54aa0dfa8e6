"""The hybrid tagger: encoder → projection → DGCNN → BiLSTM → multi-head self-attention → emissions → CRF.

Every stage after the encoder can be switched off for ablations; the projection always stays so that the
variants differ only in the switched stage.

Extra heads (`extra_heads`, e.g. {"ccks2017": CCKS 2017 BIOES labels}) add an emission layer and a CRF each over
the same network: one model for the union of label sets that were annotated on different texts. Each head is
trained only on its own data set, so a text never teaches a head that another set's types are O.
"""
from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .attention import SelfAttentionBlock
from .config import ModelConfig
from .crf import CRF
from .dgcnn import DGCNN
from .encoder import BertModel


class HybridTagger(nn.Module):
    def __init__(self, cfg: ModelConfig, labels: list[str], extra_heads: dict[str, list[str]] | None = None,
                 primary: str = "ccks2019"):
        super().__init__()
        self.cfg = cfg
        self.labels = labels
        self.primary = primary
        self.extra_labels = dict(extra_heads or {})
        D = cfg.head_dim
        self.bert = BertModel(cfg.encoder)
        self.proj = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(cfg.encoder.hidden_size, D))
        self.dgcnn = DGCNN(D, cfg.dgcnn_dilations, cfg.dgcnn_kernel, cfg.dropout) if cfg.use_dgcnn else None
        self.bilstm = nn.LSTM(D, D // 2, batch_first=True, bidirectional=True) if cfg.use_bilstm else None
        self.mha = SelfAttentionBlock(D, cfg.mha_heads, cfg.dropout) if cfg.use_mha else None
        self.emit = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(D, len(labels)))
        self.crf = CRF(labels)
        self.heads = nn.ModuleDict({
            name: nn.ModuleDict({"emit": nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(D, len(ls))), "crf": CRF(ls)})
            for name, ls in self.extra_labels.items()
        })

    @property
    def head_names(self) -> list[str]:
        return [self.primary, *self.extra_labels]

    def head_labels(self, head: str | None = None) -> list[str]:
        return self.labels if head in (None, self.primary) else self.extra_labels[head]

    def labels_types(self, head: str | None = None) -> list[str]:
        """The entity types of a head's BIOES labels, in label order."""
        ls = self.head_labels(head)
        return [l[2:] for l in ls if l.startswith("B-")]

    def head_crf(self, head: str | None = None) -> CRF:
        return self.crf if head in (None, self.primary) else self.heads[head]["crf"]

    def emissions(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, packed: bool = True,
                  head: str | None = None) -> torch.Tensor:
        """(B, T) ids and mask → (B, T, L) emission scores of one head (default: the primary)."""
        x = self.features(input_ids, attention_mask, packed)
        return self.head_emissions(x, head)

    def head_emissions(self, x: torch.Tensor, head: str | None = None) -> torch.Tensor:
        emit = self.emit if head in (None, self.primary) else self.heads[head]["emit"]
        return emit(x).float()

    def features(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, packed: bool = True) -> torch.Tensor:
        """(B, T) ids and mask → (B, T, L) emission scores, [CLS]/[SEP]/padding included.

        packed: run the BiLSTM over packed sequences so padding never reaches the backward direction. The ONNX
        export runs it unpacked, which is identical for unpadded input; the engine batches windows of equal length.
        """
        mask_f = attention_mask.unsqueeze(-1).to(torch.float32)  # (B, T, 1)
        x = self.proj(self.bert(input_ids, attention_mask))  # (B, T, D)
        if self.dgcnn is not None:
            x = self.dgcnn(x, mask_f)
        if self.bilstm is not None:
            if packed:
                lengths = attention_mask.sum(1).cpu()
                pk = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                x, _ = pad_packed_sequence(self.bilstm(pk)[0], batch_first=True, total_length=x.shape[1])
            else:
                x, _ = self.bilstm(x)
        if self.mha is not None:
            x = self.mha(x, attention_mask)
        return x

    @staticmethod
    def content(emissions: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Drop [CLS] and [SEP]: (B, T, L) → (B, T−2, L) emissions and a bool mask over characters."""
        lengths = attention_mask.sum(1) - 2  # characters per row
        T = emissions.shape[1] - 2
        cmask = torch.arange(T, device=emissions.device)[None, :] < lengths[:, None]
        return emissions[:, 1:-1], cmask

    def loss(self, input_ids, attention_mask, tags, head: str | None = None) -> torch.Tensor:
        em, cmask = self.content(self.emissions(input_ids, attention_mask, head=head), attention_mask)
        return self.head_crf(head).nll(em, tags, cmask)

    @torch.no_grad()
    def decode(self, input_ids, attention_mask, head: str | None = None) -> list[list[int]]:
        em, cmask = self.content(self.emissions(input_ids, attention_mask, head=head), attention_mask)
        return self.head_crf(head).decode(em, cmask)


class ExportWrapper(nn.Module):
    """What the ONNX graph computes: ids and mask → emissions (B, T, L) per head, in `head_names` order; unpacked
    BiLSTM (see `emissions`). One network pass serves every head."""

    def __init__(self, model: HybridTagger):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        x = self.model.features(input_ids, attention_mask, packed=False)
        outs = tuple(self.model.head_emissions(x, h) for h in self.model.head_names)
        return outs[0] if len(outs) == 1 else outs


def output_name(model: HybridTagger, head: str) -> str:
    """ONNX output of a head: `emissions` for the primary (the single-head contract), `emissions_<name>` else."""
    return "emissions" if head == model.primary else f"emissions_{head}"
