#!/usr/bin/env bash
# LSFAS end to end for generated samples on Fashion-MNIST (encode into M, exact OT in M, IS and
# FID parts, diagnostics), with the time per phase and the share spent in OT; POT times the
# same three exact OT problems of one FeatureScore repeat. Writes bench/results/lsfas.md.
# Usage: bench/lsfas.sh [training images per class, default 100] [generated samples, default 5000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PER_CLASS=${1:-100}
GENERATED=${2:-5000}
TMP=$(mktemp -d)
mkdir -p bench/results
trap 'rm -rf "$TMP"' EXIT

mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP="kernel-lib/target/classes:$(cat "$TMP/cp.txt")"
java -Dlab.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  bench/LsfasBench.java "$TMP" "$PER_CLASS" "$GENERATED" > "$TMP/java.txt"
/usr/bin/python3 bench/lsfas_reference.py "$TMP" > "$TMP/py.txt"

val() { sed -n "s/^$1 //p" "$2"; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
TOTAL=$(val total "$TMP/java.txt")
{
  echo "# LSFAS end to end"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Fashion-MNIST, R_tr = $PER_CLASS per class, R_fr the same size, R_te the 10,000 test"
  echo "images; S = $GENERATED samples. Stand-ins: M = PCA (32 components) of R_tr; IS from a"
  echo "multinomial logistic regression on those features; FID on the same features; S = classic"
  echo "augmentation (shift ±2 px, rotation ±10°) of R_tr. OT in M: $(val solver "$TMP/java.txt"),"
  echo "n = $(val n "$TMP/java.txt") + $(val added "$TMP/java.txt") against $(val testSize "$TMP/java.txt") test points,"
  echo "$(val repeats "$TMP/java.txt") repeats (disjoint blocks of S), plus the per-class score for"
  echo "$(val perClass "$TMP/java.txt") classes. Wall-clock seconds of one run; the machine may be shared."
  echo
  echo "| phase | seconds | share |"
  echo "|---|---:|---:|"
  for k in encode transport quality diagnostics; do
    v=$(val $k "$TMP/java.txt")
    case $k in
      encode) name="encode S into M" ;;
      transport) name="OT in M (FeatureScore, overall and per class)" ;;
      quality) name="IS(S) and FID(S, R_te)" ;;
      diagnostics) name="novelty and validity" ;;
    esac
    echo "| $name | $v | $(share "$v" "$TOTAL") |"
  done
  echo "| **LSFAS row, total** | **$TOTAL** | 100% |"
  echo "| (once per data set) encode R_tr, R_te, R_fr; IS(R_te); FID(R_fr, R_te) | $(val reference "$TMP/java.txt") | |"
  echo
  echo "One FeatureScore repeat's three exact OT problems on the same points:"
  echo
  echo "| | lab (s) | POT ot.emd2 (s) | lab / POT | W(R_tr, R_te) | W(R_tr ∪ S, R_te) | W(R_tr ∪ R_fr, R_te) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  j=$(val oneRepeat "$TMP/java.txt"); p=$(val oneRepeat "$TMP/py.txt")
  r=$(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
  echo "| lab | $j | | | $(val wTrain "$TMP/java.txt") | $(val wWithSamples "$TMP/java.txt") | $(val wWithFresh "$TMP/java.txt") |"
  echo "| POT | | $p | $r | $(val wTrain "$TMP/py.txt") | $(val wWithSamples "$TMP/py.txt") | $(val wWithFresh "$TMP/py.txt") |"
  echo
  echo "The row:"
  echo
  sed -n '/^markdown-begin$/,/^markdown-end$/p' "$TMP/java.txt" | sed '1d;$d'
} | tee bench/results/lsfas.md
