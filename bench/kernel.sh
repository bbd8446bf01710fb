#!/usr/bin/env bash
# Kernel start to ready, first `1 + 1`, median of later trivial cells and a first cell using the
# lab's library, through jupyter_client (as a notebook front end sees them), for the lab's Java
# kernel and, on the same machine in the same run, IPython's kernel as the reference.
# Writes the measurement part of bench/results/kernel.md; text below a line "## README" there
# is kept.
# Usage: bench/kernel.sh [starts, default 5] [trivial cells, default 30]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STARTS=${1:-5}
TRIVIAL=${2:-30}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -f kernel/target/kernel.jar ] && [ -d kernel/target/lib ] \
  || mvn -B -ntp -q -o -DskipTests package -pl kernel -am
./lab install --local >/dev/null 2>&1
export JUPYTER_PATH="$ROOT/.jupyter-local"
export JUPYTER_RUNTIME_DIR="$TMP/runtime"

JAVA_LIB='var moons = lab.data.Toys.twoMoons(500, 1);
lab.plot.Figures.scatter("moons", moons)'
PY_LIB='import numpy as np
np.random.default_rng(1).normal(size=(500, 2)).mean()'
$PY bench/kernel_bench.py java "$STARTS" "$TRIVIAL" "$JAVA_LIB" '1 + 1' > "$TMP/java.txt"
$PY bench/kernel_bench.py python3 "$STARTS" "$TRIVIAL" "$PY_LIB" '1 + 1' > "$TMP/py.txt"

OUT=bench/results/kernel.md
KEEP=""
[ -f "$OUT" ] && KEEP=$(sed -n '/^## README/,$p' "$OUT")
val() { sed -n "s/^$1 //p" "$2"; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
{
  echo "# Java kernel round trips"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1);"
  echo "the machine may be shared with other builds (load $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "Through jupyter_client $($PY -c 'import jupyter_client; print(jupyter_client.__version__)')"
  echo "as a notebook front end: time from launch to the kernel_info reply (median of $STARTS"
  echo "starts), then execute_request to reply and idle. Reference: IPython's kernel"
  echo "(ipykernel $($PY -c 'import ipykernel; print(ipykernel.__version__)')) on the same machine."
  echo
  echo "| step | Java kernel (ms) | IPython kernel (ms) | aim |"
  echo "|---|---:|---:|---|"
  echo "| start to ready (median) | $(ms "$(val ready "$TMP/java.txt")") |" \
    "$(ms "$(val ready "$TMP/py.txt")") | < 1500 |"
  echo "| first \`1 + 1\` | $(ms "$(val first "$TMP/java.txt")") |" \
    "$(ms "$(val first "$TMP/py.txt")") | |"
  echo "| later \`1 + 1\`, median of $TRIVIAL | $(ms "$(val trivial "$TMP/java.txt")") |" \
    "$(ms "$(val trivial "$TMP/py.txt")") | < 50 |"
  echo "| first library cell | $(ms "$(val library "$TMP/java.txt")") |" \
    "$(ms "$(val library "$TMP/py.txt")") | |"
  echo "| kernel CPU time per later \`1 + 1\` | $(ms "$(val trivial_cpu "$TMP/java.txt")") |" \
    "$(ms "$(val trivial_cpu "$TMP/py.txt")") | |"
  echo
  echo "Library cell, Java: two moons from \`lab.data.Toys\` and an XChart scatter rendered to"
  echo "PNG by \`lab.plot\`; Python: \`import numpy\` and a small random array. CPU time per"
  echo "cell (user + system, from /proc) is what a cell costs the kernel whatever the load; on a"
  echo "loaded machine the wall-clock round trip is that CPU time stretched by the waiting."
} > "$TMP/table.md"
{
  cat "$TMP/table.md"
  if [ -n "$KEEP" ]; then
    echo
    printf '%s\n' "$KEEP"
  fi
} > "$OUT"
cat "$TMP/table.md"
