#!/usr/bin/env bash
# Training-step time of the image GAN (DCGAN-style, non-saturating) and of the StyleGAN-like
# model of lab.gan against the same architectures in PyTorch (Debian's python3-torch), same
# batch and thread count, in one run; then a soak run of the image WGAN-GP that records the
# resident memory. Writes bench/results/gan.md.
# Usage: bench/gan.sh [timed steps, 10] [soak steps, 10000] [threads, 2] [soak batch, 64]
#        [soak width, 32]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STEPS=${1:-10}
SOAK=${2:-10000}
THREADS=${3:-2}
SOAK_BATCH=${4:-64}
SOAK_WIDTH=${5:-32}
BATCH=64
WARM=${WARM:-2}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export DJL_OFFLINE=true OMP_NUM_THREADS=$THREADS

mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP="kernel-lib/target/classes:$(cat "$TMP/cp.txt")"
JAVA=(java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")

for m in gan stylegan; do
  "${JAVA[@]}" bench/GanBench.java $m $BATCH "$THREADS" $WARM "$STEPS" >> "$TMP/java.txt"
  /usr/bin/python3 bench/gan_reference.py $m $BATCH "$THREADS" $WARM "$STEPS" >> "$TMP/py.txt"
done
"${JAVA[@]}" bench/GanBench.java soak "$SOAK_BATCH" "$THREADS" "$SOAK" $((SOAK / 20)) "$SOAK_WIDTH" \
  > "$TMP/soak.txt"

val() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$3"; }
{
  echo "# lab.gan against PyTorch"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores (shared with other jobs during the run),"
  echo "$(java -version 2>&1 | head -1), DJL 0.36.0 on libtorch 2.7.1 (CPU) against PyTorch"
  echo "$(/usr/bin/python3 -c 'import torch; print(torch.__version__)') (Debian). Batch $BATCH,"
  echo "$THREADS threads, $WARM warm-up steps then $STEPS timed steps, 28 × 28 images. One step"
  echo "is one discriminator update and one generator update. StyleGAN-like: R1 on real data"
  echo "(the lab through the critic's analytic input gradient, PyTorch through"
  echo "autograd.grad(create_graph=True)), style mixing 0.9. Peak memory: the process's peak"
  echo "resident set (JVM heap included on the Java side)."
  echo
  echo "| model | lab ms/step ↓ | PyTorch ms/step ↓ | lab / PyTorch ↓ | lab steps/s ↑ |" \
    "lab peak MiB ↓ | PyTorch peak MiB ↓ |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for m in gan stylegan; do
    j=$(val $m 2 "$TMP/java.txt"); p=$(val $m 2 "$TMP/py.txt")
    jm=$(val $m 3 "$TMP/java.txt"); pm=$(val $m 3 "$TMP/py.txt")
    r=$(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
    s=$(awk -v a="$j" 'BEGIN { printf "%.2f", 1000 / a }')
    case $m in
      gan) name="GAN, DCGAN-style (width 32)" ;;
      stylegan) name="StyleGAN-like (width 32)" ;;
    esac
    echo "| $name | $j | $p | $r | $s | $jm | $pm |"
  done
  echo
  echo "## Soak: image WGAN-GP, $SOAK critic steps, batch $SOAK_BATCH, width $SOAK_WIDTH"
  echo
  echo "| step | resident MiB | seconds |"
  echo "|---:|---:|---:|"
  awk '$1 == "soak" { printf "| %d | %.1f | %.0f |\n", $2, $3, $4 }' "$TMP/soak.txt"
  awk '$1 == "soak" { if (n == 0) first = $3; last = $3; if ($3 > max) max = $3;
       if (n == 0 || $3 < min) min = $3; n++ }
       END { printf "\nResident memory from the first report to the last: %.1f → %.1f MiB" \
             " (band %.1f–%.1f MiB).\n", first, last, min, max }' "$TMP/soak.txt"
  awk '$1 == "peak" { printf "Peak resident set of the soak process: %.1f MiB.\n", $2 }' \
    "$TMP/soak.txt"
} | tee bench/results/gan.md
