#!/usr/bin/env bash
# Set up (if needed) and label the five seed articles with the shipped default model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
mkdir -p out
.venv/bin/stancelib label seeds/ -o out/seeds.labels.jsonl --restart
.venv/bin/python -m stancelib.reports.summary out/seeds.labels.jsonl
