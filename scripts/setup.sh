#!/usr/bin/env bash
# Create .venv and install stancelib with its test extras (torch 2.13.0 CPU comes from the local wheel).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c "import stancelib, pytest, torch, setfit" 2>/dev/null; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[test]'
fi
