#!/usr/bin/env bash
# From a finished training run to the shipped model folder, with every gate:
#   bash models/train/ship.sh [RUN_DIR] [OUT_DIR]
# 1. export fp32 ONNX (+ emission parity < 1e-4) and int8; 2. score both on the dev split, check decoded-entity
# parity against PyTorch on every dev record, pick the served variant, write metrics.json and parity-dev.jsonl;
# 3. write the dev split for `oncotimeline evaluate` to .cache/ (outside git).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
run="${1:-models/train/runs/union}"
out="${2:-models/ccks-union-hybrid}"
py=.venv/bin/python
$py -m oncotimeline_train.export_onnx --run "$run" --out "$out" --name "${NAME:-$(basename "$out")}" --version "${VERSION:-1.0.0}"
$py -m oncotimeline_train.evaluate_onnx --model "$out" --run "$run" --serve "${SERVE:-int8}"
$py -m oncotimeline_train.write_split --out .cache/ccks2019-dev.jsonl
$py -m oncotimeline_train.write_split --dataset ccks2017 --out .cache/ccks2017-dev.jsonl
cp "$run/log.jsonl" "$out/training-log.jsonl"
