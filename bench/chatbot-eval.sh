#!/usr/bin/env bash
# Same as bin/chatbot-eval (issue 9's evaluation command), kept beside the other benchmark scripts:
#   bench/chatbot-eval.sh [--kb KB.csv] --queries Q.csv [--baseline bm25|bm25-analyzed]
exec "$(cd "$(dirname "$0")/.." && pwd)/bin/chatbot-eval" "$@"
