#!/usr/bin/env bash
# The image budget of lab.gan: each image model (class-conditional GAN, WGAN-GP, StyleGAN-like;
# AE-OT) trains on a 6,000-image Fashion-MNIST subset with one thread for a wall-clock budget,
# then its samples are scored by FMNIST-Net (FID, IS) beside uniform noise and real images.
# Writes bench/results/image_budget.md and the sample grids bench/results/image_budget/*.png.
# Usage: bench/image_budget.sh [budget seconds per model, 600] [model ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUDGET=${1:-600}
shift || true
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=bench/results/image_budget
mkdir -p "$OUT"
export DJL_OFFLINE=true OMP_NUM_THREADS=1
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
cp -r kernel-lib/target/classes "$TMP/classes"
java -Dai.djl.offline=true -Dlab.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$TMP/classes:$(cat "$TMP/cp.txt")" bench/ImageBudget.java "$OUT" "$BUDGET" "$@" \
  > "$TMP/java.txt"
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

val() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$TMP/java.txt"; }
{
  echo "# Image models within a training budget"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores (load average $LOAD_BEFORE before, $LOAD_AFTER"
  echo "after: shared with other jobs), one engine thread, batch 64. Each model trains on 6,000"
  echo "Fashion-MNIST images (600 per class, seed 1) until $BUDGET s have passed (AE-OT: the"
  echo "autoencoder; its semi-discrete OT on 2,000 codes and the sampling are counted in the time"
  echo "too), then 1,000 samples (classes balanced) are scored by FMNIST-Net against 1,000 test"
  echo "images. Grids: \`bench/results/image_budget/MODEL.png\`."
  echo
  echo "| samples | training steps | seconds | FID (FMNIST-Net) ↓ | IS (FMNIST-Net) ↑ |"
  echo "|---|---:|---:|---:|---:|"
  echo "| uniform noise | – | – | $(val noise 4) | $(val noise 5) |"
  echo "| 1,000 real training images | – | – | $(val real 4) | $(val real 5) |"
  for m in $(awk '$1 != "noise" && $1 != "real" { print $1 }' "$TMP/java.txt"); do
    echo "| $m | $(val "$m" 2) | $(val "$m" 3) | $(val "$m" 4) | $(val "$m" 5) |"
  done
} > bench/results/image_budget.md
cat bench/results/image_budget.md
