#!/usr/bin/env bash
# Times of lab.data / lab.plot against NumPy and scikit-learn on the same Fashion-MNIST
# files and the same t-SNE sample; prints a Markdown table and writes bench/results/data.md.
# Usage: bench/data.sh [t-SNE sample size, default 1000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N=${1:-1000}
TMP=$(mktemp -d)
mkdir -p bench/results
trap 'rm -rf "$TMP"' EXIT

mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP="kernel-lib/target/classes:$(cat "$TMP/cp.txt")"
java -Dlab.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  bench/DataBench.java "$TMP/idx.txt" "$N" > "$TMP/java.txt"
FASHION=$(sed -n 's/^dir //p' "$TMP/java.txt")
/usr/bin/python3 bench/data_reference.py "$FASHION" "$TMP/idx.txt" > "$TMP/py.txt"

val() { sed -n "s/^$1 //p" "$2"; }
{
  echo "# lab.data / lab.plot against NumPy and scikit-learn"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "t-SNE: $N Fashion-MNIST training images (same seeded sample), perplexity 30,"
  echo "1,000 iterations, exact gradients on both sides (Smile 3.1.1; scikit-learn"
  echo "method='exact'). PCA: 10,000 × 784 to 2 components (different random rows, same size)."
  echo "Wall-clock seconds of one run each; the machine may be shared with other builds."
  echo
  echo "| task | lab (s) | reference (s) | lab / reference |"
  echo "|---|---:|---:|---:|"
  for k in decode tsne pca; do
    j=$(val $k "$TMP/java.txt"); p=$(val $k "$TMP/py.txt")
    r=$(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
    case $k in
      decode) name="decode train-images + labels (gz, 60,000 × 784)" ;;
      tsne) name="t-SNE of $N images" ;;
      pca) name="PCA of 10,000 images" ;;
    esac
    echo "| $name | $j | $p | $r |"
  done
} | tee bench/results/data.md
