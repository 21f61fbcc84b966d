#!/usr/bin/env bash
# Rebuilds docs/benchmarks.md from the per-module result pages in docs/benchmarks/ (each written by its bench/*.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/benchmarks.md
{
  cat docs/benchmarks/README.head.md
  for m in capacity capacity-signalling routing-engine sip-edge media-bridge opus-mix recording-store chatbot; do
    f=docs/benchmarks/$m.md
    [ -f "$f" ] || continue
    echo
    echo "---"
    echo
    # demote the page's headings by one level so they nest under this document
    sed -e 's/^#/##/' "$f"
  done
} > "$out"
echo "wrote $out"
