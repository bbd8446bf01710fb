#!/usr/bin/env bash
# Times of lab.metrics against SciPy, NumPy and PyTorch on the same inputs; prints a Markdown
# table and writes bench/results/metrics.md (after the README text of bench/metrics_readme.md).
# Usage: bench/metrics.sh [FID rows, default 10000] [precision/recall rows, default 10000]
#                         [engine threads for feature extraction, default 1]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NFID=${1:-10000}
NPR=${2:-10000}
THREADS=${3:-1}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

mvn -B -ntp -q -o -pl kernel-lib -am compile >/dev/null
mvn -B -ntp -q -o -pl kernel-lib dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP="kernel-lib/target/classes:$(cat "$TMP/cp.txt")"
CORES=$(nproc --all)
export DJL_OFFLINE=true OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"
java -Xmx12g -Dai.djl.offline=true -Dlab.root="$ROOT" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  bench/MetricsBench.java "$NFID" "$NPR" "$THREADS" > "$TMP/java.txt"
FASHION=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
/usr/bin/python3 bench/metrics_reference.py "$NFID" "$NPR" "$THREADS" "$FASHION" \
  > "$TMP/py.txt"

sec() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
val() { awk -v k="$1" '$1 == k { print $3 }' "$2"; }
{
  cat bench/metrics_readme.md
  echo
  echo "### lab.metrics against SciPy, NumPy and PyTorch"
  echo
  echo "$(date -u +%Y-%m-%d), $CORES cores, $(java -version 2>&1 | head -1)."
  echo "Every computation on both sides is limited to $THREADS thread(s) (OMP_NUM_THREADS,"
  echo "OPENBLAS_NUM_THREADS, engine threads)."
  echo "FID: two $NFID × 2,048 feature sets (SplitMix64 generator of"
  echo "tools/fixtures/metrics_fixtures.py), statistics and distance; reference = pytorch-fid's"
  echo "path (np.cov, scipy.linalg.sqrtm of Σ₁Σ₂). Precision/recall: two $NPR × 128 sets, k = 3;"
  echo "reference = NumPy with full distance matrices (as the prdc code). Extraction: the"
  echo "Fashion-MNIST test set (10,000 images) through the domain network, batches of 64;"
  echo "reference = the same architecture in PyTorch (torch.no_grad). Wall-clock seconds of"
  echo "one run each; the machine may be shared with other jobs."
  echo
  echo "| task | lab (s) | reference (s) | lab / reference | lab value | reference value |"
  echo "|---|---:|---:|---:|---:|---:|"
  for k in fid pr extract; do
    j=$(sec $k "$TMP/java.txt"); p=$(sec $k "$TMP/py.txt")
    [ -z "$j" ] || [ -z "$p" ] && continue
    r=$(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
    case $k in
      fid) name="FID, $NFID × 2,048 per set" ;;
      pr) name="precision/recall, $NPR × 128 per set" ;;
      extract) name="FMNIST-Net features of 10,000 images (images/s in value columns)" ;;
    esac
    echo "| $name | $j | $p | $r | $(val $k "$TMP/java.txt") | $(val $k "$TMP/py.txt") |"
  done
  acc=$(val accuracy "$TMP/java.txt")
  if [ -n "$acc" ]; then
    echo
    echo "FMNIST-Net test accuracy (official test set): $acc."
  fi
} | tee bench/results/metrics.md
