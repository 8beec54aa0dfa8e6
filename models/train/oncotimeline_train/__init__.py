"""OncoTimeline training pipeline: the hybrid Chinese clinical NER model (encoder → DGCNN → BiLSTM → MHA → CRF)."""

__version__ = "0.1.0"
