#!/usr/bin/env bash
# LSFAS end to end for generated samples on Fashion-MNIST (encode into M, exact OT in M, IS and
# FID parts, diagnostics), with the time per phase and the share spent in OT; POT times the
# same three exact OT problems of one FeatureScore repeat. Writes bench/results/lsfas.md.
# Usage: bench/lsfas.sh [training images per class, default 100] [generated samples, default 5000]
#        [M: ae (lab.gan autoencoder, default) or pca] [autoencoder training steps, default 300]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PER_CLASS=${1:-100}
GENERATED=${2:-5000}
SPACE=${3:-ae}
AE_STEPS=${4:-300}
TMP=$(mktemp -d)
mkdir -p bench/results
trap 'rm -rf "$TMP"' EXIT

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
mvn -B -ntp -q -o -pl kernel-lib compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
cp -r kernel-lib/target/classes "$TMP/classes"
CP="$TMP/classes:$(cat "$TMP/cp.txt")"
java -Dlab.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  bench/LsfasBench.java "$TMP" "$PER_CLASS" "$GENERATED" "$SPACE" "$AE_STEPS" > "$TMP/java.txt"
/usr/bin/python3 bench/lsfas_reference.py "$TMP" > "$TMP/py.txt"

val() { sed -n "s/^$1 //p" "$2"; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
TOTAL=$(val total "$TMP/java.txt")
{
  echo "# LSFAS end to end"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), load average"
  echo "$LOAD_BEFORE at the start and $(cut -d' ' -f1 /proc/loadavg) at the end (other builds share the cores)."
  echo "Fashion-MNIST, R_tr = $PER_CLASS per class, R_fr the same size, R_te the 10,000 test"
  echo "images; S = $GENERATED samples. M = $(val space "$TMP/java.txt") (training took"
  echo "$(val aeTrain "$TMP/java.txt") s, not counted below). Stand-ins: IS from a multinomial logistic"
  echo "regression on 32 PCA features of R_tr; FID on the same features; S = classic augmentation"
  echo "(shift ±2 px, rotation ±10°) of R_tr. OT in M: $(val solver "$TMP/java.txt"),"
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
  cat <<'TEXT'

## lab.latent in short

One LSFAS row (PAPER.md §3.5, every component reported) in one notebook call:

```java
LsfasRow row = Lsfas.row(GanLatent.of(wgan, "WGAN-GP"), new Operation.Sample(),
    Splits.fashionMnist(100, 1), AutoencoderSpace.encoder(ae, "AE-32"), quality);
row.toTable();          // LSFAS, q_IS, q_FID, FeatureScore ± std, IS, FID, novelty, validity
row.perClassTable();    // FeatureScore per class
```

Several generators and operations on one data set share a `Lsfas.Reference`
(`Lsfas.reference(realSets, encoder, quality, Distances.auto())`, then
`Lsfas.evaluate(generator, operation, ref, options, seed).appendTo(table)`). Operations:
`Sample`, `Interpolate` (midpoints; slerp in Z, lerp in W), `Extrapolate(f)`, `Truncate(ψ)`,
`StyleMix(layer)` (StyleGAN-like model), `Edit(attribute, n̂, α)` (InterFaceGAN directions from
`AttributeDirection.fit`). Properties of a space (Z, W or M): `PropertiesRow.measure(space,
encoder, attributes, validity, options, seed)`; picture of M: `CommonSpaceView.view(...)`.

Limits:
- FeatureScore is a ratio of differences of empirical OT distances. Its noise is small on
  unimodal data (fresh real data scores 1 ± 0.1 at n = 150 in 8-d) but on multi-modal data
  at small n the distances are dominated by how each set's mode proportions differ from
  R_te's: there use the per-class score, more repeats or a larger n, and read the std.
- The value over repeats is the ratio of the summed gaps (Σ numerators / Σ denominators),
  with a jackknife std; single repeats are reported too.
- Exact OT is used up to n·m = 4,000,000 point pairs (about 1.5 s per 2,000 × 2,000 problem
  here); above, `Distances.auto()` falls back to the sliced W2 (200 directions) and says so
  in the row. FeatureScores from different solvers are not comparable.
- Inversion on the DJL models uses finite-difference Jacobian products (2k forward passes per
  step); fine for tens of images, slow for thousands.
TEXT
} | tee bench/results/lsfas.md
