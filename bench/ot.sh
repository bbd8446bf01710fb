#!/usr/bin/env bash
# Times of lab.ot against POT 0.8.2 (and SciPy / NumPy) on the same seeded inputs in one run;
# prints a Markdown table and writes bench/results/ot.md.
# Usage: bench/ot.sh            (about 3-5 minutes on 2 cores, most of it the NumPy reference)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP="kernel-lib/target/classes:$(cat "$TMP/cp.txt")"
/usr/bin/python3 bench/ot_reference.py inputs "$TMP"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" bench/OtBench.java "$TMP" \
  > "$TMP/java.txt"
/usr/bin/python3 bench/ot_reference.py run "$TMP" > "$TMP/py.txt"

col() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$3"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
  echo "# lab.ot against POT, SciPy and NumPy"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), POT"
  echo "$(/usr/bin/python3 -c 'import ot; print(ot.__version__)'), load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo "Same inputs on both sides (seeded NumPy arrays shared as raw float64). Exact OT: uniform"
  echo "weights, points uniform in the unit cube, squared Euclidean cost computed inside the"
  echo "timing (POT: ot.dist + ot.emd, numItermax 1e8; lab: NetworkSimplex, cap 1e8), best of 5."
  echo "Sinkhorn: the same 2000-point 2-D problem, cost scaled to [0, 1], stop at"
  echo "‖Pᵀ1 − b‖₂ < 1e-9 (POT: ot.sinkhorn(method='sinkhorn_log'); lab: Sinkhorn, no"
  echo "ε-scaling), one run. Semi-discrete: 1,000 targets N(0, 0.3² I) in 16-D, uniform cube"
  echo "source, ‖g‖₂ < 2e-3; POT has no such solver, the reference is a NumPy version of the"
  echo "same algorithm (same Sobol points, Adam, doubling) that re-assigns every sample at every"
  echo "step. FID: W₂² of two 2048-d covariances (4096 seeded samples each); SciPy is"
  echo "pytorch-fid's sqrtm(S₁S₂) route. Java runs after a JIT warm-up on small problems."
  echo "Wall = elapsed seconds; CPU = process CPU seconds (robust when the machine is shared;"
  echo "lab's Sinkhorn, semi-discrete and FID use all cores; POT's emd is single-threaded,"
  echo "NumPy and SciPy use threads only inside BLAS calls)."
  echo "Ratio = lab / reference (below 1: lab faster)."
  echo
  echo "| task | lab wall (s) | ref wall (s) | wall ratio | lab CPU (s) | ref CPU (s) | CPU ratio | lab value | ref value |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for k in emd_500_2 emd_1000_2 emd_2000_2 emd_500_64 emd_1000_64 emd_2000_64 \
      sinkhorn_0.05 sinkhorn_0.01 semidiscrete fid; do
    jw=$(col $k 2 "$TMP/java.txt"); jc=$(col $k 3 "$TMP/java.txt")
    pw=$(col $k 2 "$TMP/py.txt"); pc=$(col $k 3 "$TMP/py.txt")
    jv=$(col $k 4 "$TMP/java.txt"); pv=$(col $k 4 "$TMP/py.txt")
    case $k in
      emd_*) IFS=_ read -r _ n d <<< "$k"
        name="exact OT n = m = $n, $d-D (lab pivots $(col $k 5 "$TMP/java.txt"))" ;;
      sinkhorn_*) name="log-Sinkhorn n = m = 2000, ε = ${k#sinkhorn_} (iterations lab"
        name="$name $(col $k 5 "$TMP/java.txt"), POT $(col $k 5 "$TMP/py.txt"))" ;;
      semidiscrete) name="semi-discrete 1000 targets, 16-D, ‖g‖ < 2e-3 (steps lab"
        name="$name $(col $k 5 "$TMP/java.txt"), NumPy $(col $k 5 "$TMP/py.txt"))" ;;
      fid) name="Gaussian W₂² (FID), d = 2048, vs SciPy sqrtm" ;;
    esac
    echo "| $name | $jw | $pw | $(ratio "$jw" "$pw") | $jc | $pc | $(ratio "$jc" "$pc") | $jv | $pv |"
  done
  cat bench/ot_notes.md
} | tee bench/results/ot.md
