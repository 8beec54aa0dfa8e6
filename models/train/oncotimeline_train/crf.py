"""Linear-chain CRF (Lafferty et al. 2001) with hard BIOES constraints.

Shapes: emissions (B, T, L), tags (B, T) long, mask (B, T) bool with each row a prefix of True.
Impossible moves carry IMPOSSIBLE in a fixed buffer added to the learned scores, in training and decoding alike,
so the exported transitions (learned + constraints) decode exactly as in training.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from .labels import IMPOSSIBLE, allowed, allowed_end, allowed_start


class CRF(nn.Module):
    def __init__(self, labels: list[str]):
        super().__init__()
        L = len(labels)
        self.num_labels = L
        self.transitions = nn.Parameter(torch.zeros(L, L))
        self.start = nn.Parameter(torch.zeros(L))
        self.end = nn.Parameter(torch.zeros(L))
        c_trans = torch.tensor([[0.0 if allowed(a, b) else IMPOSSIBLE for b in labels] for a in labels])
        c_start = torch.tensor([0.0 if allowed_start(t) else IMPOSSIBLE for t in labels])
        c_end = torch.tensor([0.0 if allowed_end(t) else IMPOSSIBLE for t in labels])
        self.register_buffer("c_trans", c_trans, persistent=False)
        self.register_buffer("c_start", c_start, persistent=False)
        self.register_buffer("c_end", c_end, persistent=False)

    def scores(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Effective (transitions, start, end) including constraints: what crf.json carries."""
        return self.transitions + self.c_trans, self.start + self.c_start, self.end + self.c_end

    def _validate(self, emissions: torch.Tensor, mask: torch.Tensor, tags: torch.Tensor | None = None) -> None:
        if emissions.dim() != 3 or emissions.shape[-1] != self.num_labels:
            raise ValueError(f"emissions must be (B, T, {self.num_labels}), got {tuple(emissions.shape)}")
        if mask.shape != emissions.shape[:2]:
            raise ValueError(f"mask must be {tuple(emissions.shape[:2])}, got {tuple(mask.shape)}")
        if tags is not None and tags.shape != mask.shape:
            raise ValueError(f"tags must be {tuple(mask.shape)}, got {tuple(tags.shape)}")
        if not bool(mask[:, 0].all()):
            raise ValueError("the first position of every sequence must be unmasked")

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood over the batch."""
        self._validate(emissions, mask, tags)
        emissions = emissions.float()
        trans, start, end = self.scores()
        B, T, L = emissions.shape
        m = mask.float()
        # Score of the gold path.
        gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, T):
            step = trans[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            gold = gold + step * m[:, t]
        last = tags.gather(1, (mask.long().sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + end[last]
        # Partition function by the forward algorithm.
        alpha = start + emissions[:, 0]  # (B, L)
        for t in range(1, T):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emissions[:, t]
            alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
        log_z = torch.logsumexp(alpha + end, dim=1)
        return (log_z - gold).mean()

    @torch.no_grad()
    def decode(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """Viterbi paths, one list per sequence (length = its unmasked prefix). Ties → lowest label index."""
        self._validate(emissions, mask)
        trans, start, end = self.scores()
        trans, start, end = (t.detach().cpu().double().numpy() for t in (trans, start, end))
        em = emissions.detach().cpu().double().numpy()
        return [viterbi(em[b, : int(mask[b].sum())], trans, start, end) for b in range(em.shape[0])]


def viterbi(em, trans, start, end) -> list[int]:
    """float64 Viterbi over em (n, L), tensors or arrays. argmax keeps the first maximum (lowest label index on
    ties), as the TypeScript decoder does; the ONNX reference decodes with this same function."""
    em, trans, start, end = (np.asarray(x, dtype=np.float64) for x in (em, trans, start, end))
    n = em.shape[0]
    if n == 0:
        return []
    score = start + em[0]
    back = np.empty((n, em.shape[1]), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans  # (prev, next)
        back[t] = cand.argmax(0)
        score = cand.max(0) + em[t]
    score = score + end
    tag = int(score.argmax())
    path = [tag]
    for t in range(n - 1, 0, -1):
        tag = int(back[t, tag])
        path.append(tag)
    return path[::-1]
