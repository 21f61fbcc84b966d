#!/usr/bin/env bash
# The out-of-scope detector's curve (docs/chatbot.md, "Abstention"): BANKING77 10-shot as the knowledge base, asked
# its in-scope questions plus out-of-scope questions, through bin/chatbot-eval --curve (coverage against false
# answers per detector threshold, replayed on the same rankings).
#   bench/chatbot-abstention.sh tuning   rows 11-30 of each intent + eval/out-of-scope-tuning.csv (choose thresholds)
#   bench/chatbot-abstention.sh test     rows 31 on of each intent + eval/out-of-scope.csv (what the test asks)
# Needs ../shared/datasets/banking77/train.csv (or MVTM_SHARED_DIR), as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name="${1:-tuning}"
shared="${MVTM_SHARED_DIR:-$(cd .. && pwd)/shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$set_name" in
  tuning) first=11; last=30; oos=chatbot/src/test/resources/eval/out-of-scope-tuning.csv ;;
  test) first=31; last=1000000; oos=chatbot/src/test/resources/eval/out-of-scope.csv ;;
  *) echo "usage: bench/chatbot-abstention.sh tuning|test" >&2; exit 2 ;;
esac
python3 - "$shared/datasets/banking77/train.csv" "$work" "$first" "$last" "$oos" <<'PY'
import csv, sys
train, work, first, last, oos = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
seen = {}
with open(train, newline='', encoding='utf-8') as f, \
     open(work + '/kb.csv', 'w', newline='', encoding='utf-8') as kb, \
     open(work + '/queries.csv', 'w', newline='', encoding='utf-8') as q:
    kbw, qw = csv.writer(kb, lineterminator='\n'), csv.writer(q, lineterminator='\n')
    kbw.writerow(['faq_id', 'language', 'question', 'answer'])
    qw.writerow(['text', 'expected_faq_id'])
    for text, intent in list(csv.reader(f))[1:]:
        n = seen[intent] = seen.get(intent, 0) + 1
        if n <= 10:
            kbw.writerow([intent, 'en', text, intent])
        elif first <= n <= last:
            qw.writerow([text, intent])
    with open(oos, newline='', encoding='utf-8') as o:
        for row in list(csv.reader(o))[1:]:
            qw.writerow(row)
PY
. bin/java-home.sh
./mvnw -B -q -pl chatbot -am compile >&2
bin/chatbot-eval --kb "$work/kb.csv" --queries "$work/queries.csv" --curve
