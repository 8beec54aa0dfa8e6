"""The hybrid tagger: encoder → projection → DGCNN → BiLSTM → multi-head self-attention → emissions → CRF.

Every stage after the encoder can be switched off for ablations; the projection always stays so that the
variants differ only in the switched stage.
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
    def __init__(self, cfg: ModelConfig, labels: list[str]):
        super().__init__()
        self.cfg = cfg
        self.labels = labels
        D = cfg.head_dim
        self.bert = BertModel(cfg.encoder)
        self.proj = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(cfg.encoder.hidden_size, D))
        self.dgcnn = DGCNN(D, cfg.dgcnn_dilations, cfg.dgcnn_kernel, cfg.dropout) if cfg.use_dgcnn else None
        self.bilstm = nn.LSTM(D, D // 2, batch_first=True, bidirectional=True) if cfg.use_bilstm else None
        self.mha = SelfAttentionBlock(D, cfg.mha_heads, cfg.dropout) if cfg.use_mha else None
        self.emit = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(D, len(labels)))
        self.crf = CRF(labels)

    def emissions(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, packed: bool = True) -> torch.Tensor:
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
        return self.emit(x).float()

    @staticmethod
    def content(emissions: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Drop [CLS] and [SEP]: (B, T, L) → (B, T−2, L) emissions and a bool mask over characters."""
        lengths = attention_mask.sum(1) - 2  # characters per row
        T = emissions.shape[1] - 2
        cmask = torch.arange(T, device=emissions.device)[None, :] < lengths[:, None]
        return emissions[:, 1:-1], cmask

    def loss(self, input_ids, attention_mask, tags) -> torch.Tensor:
        em, cmask = self.content(self.emissions(input_ids, attention_mask), attention_mask)
        return self.crf.nll(em, tags, cmask)

    @torch.no_grad()
    def decode(self, input_ids, attention_mask) -> list[list[int]]:
        em, cmask = self.content(self.emissions(input_ids, attention_mask), attention_mask)
        return self.crf.decode(em, cmask)


class ExportWrapper(nn.Module):
    """What the ONNX graph computes: ids and mask → emissions (B, T, L); unpacked BiLSTM (see `emissions`)."""

    def __init__(self, model: HybridTagger):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model.emissions(input_ids, attention_mask, packed=False)
