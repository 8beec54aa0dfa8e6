"""Multi-head self-attention over the tagger's features, with residual connection and layer norm."""
from __future__ import annotations

import math

import torch
from torch import nn


class SelfAttentionBlock(nn.Module):
    def __init__(self, dim: int, heads: int, dropout: float = 0.1):
        super().__init__()
        if dim % heads:
            raise ValueError(f"attention dim {dim} not divisible by {heads} heads")
        self.h, self.d = heads, dim // heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        B, T, D = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.h, self.d).permute(2, 0, 3, 1, 4)  # each (B, h, T, d)
        bias = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -1e9  # (B, 1, 1, T)
        att = ((q @ k.transpose(-1, -2)) / math.sqrt(self.d) + bias).softmax(-1)
        y = (self.dropout(att) @ v).transpose(1, 2).reshape(B, T, D)
        return self.norm(x + self.dropout(self.out(y)))
