"""Dilated gated CNN (DGCNN): residual blocks of gated dilated 1-D convolutions over the sequence."""
from __future__ import annotations

import torch
from torch import nn


class GatedDilatedBlock(nn.Module):
    """y = x·(1−σ(g)) + a·σ(g), with [a; g] = Conv1d_dilated(x): the gate chooses per channel between the input
    and the convolved signal, so deep stacks stay trainable (Su's DGCNN)."""

    def __init__(self, dim: int, kernel: int, dilation: int, dropout: float):
        super().__init__()
        self.conv = nn.Conv1d(dim, 2 * dim, kernel, dilation=dilation, padding=dilation * (kernel - 1) // 2)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        # x: (B, T, D); mask: (B, T, 1) float. Zero padding first so convolutions never read it.
        h = self.conv((x * mask).transpose(1, 2)).transpose(1, 2)  # (B, T, 2D)
        a, g = h.chunk(2, dim=-1)
        g = torch.sigmoid(g)
        return (x * (1 - g) + self.dropout(a) * g) * mask


class DGCNN(nn.Module):
    def __init__(self, dim: int, dilations: tuple[int, ...] = (1, 2, 4, 1), kernel: int = 3, dropout: float = 0.1):
        super().__init__()
        self.blocks = nn.ModuleList(GatedDilatedBlock(dim, kernel, d, dropout) for d in dilations)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for b in self.blocks:
            x = b(x, mask)
        return x
