#!/usr/bin/env bash
# Re-run the commands behind README's figures, one log per command, so that "every figure was
# re-measured after the change" is one command rather than a memory exercise.
#
#   bash benchmarks/remeasure.sh [GROUP...]      # groups: text enforcement ocr speed service batch
#                                                 #         hostile models  (default: all but models)
#   OUT=/tmp/remeasure bash benchmarks/remeasure.sh text speed
#
# Each command's output goes to $OUT/NAME.log, with its wall time and the load average at start and
# end in $OUT/summary.tsv: figures taken while the machine was busy say so. The figures themselves are
# read from the logs into README by hand (they need words around them).
set -u -o pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared}
OUT=${OUT:-/tmp/remeasure}
mkdir -p "$OUT"
# the post-OCR corrector's documents: two or three of each family
OCRFIX_NAMES=${OCRFIX_NAMES:-c1-03,c1-08,c2-03,c2-05,c3-01,c3-04,c4-03,c4-09,c4-15,c4-27}
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(text enforcement ocr speed service batch hostile)

run() {  # run NAME COMMAND...
  local name=$1; shift
  local load0 t0 rc
  load0=$(cut -d' ' -f1 /proc/loadavg); t0=$(date +%s)
  echo "== $name: $*"
  "$@" >"$OUT/$name.log" 2>&1; rc=$?
  printf '%s\t%s\t%ss\tload %s-%s\t%s\n' "$name" "$rc" "$(( $(date +%s) - t0 ))" "$load0" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$*" | tee -a "$OUT/summary.tsv"
}

for g in "${groups[@]}"; do
  case $g in
    text)
      run family_eval "$PY" benchmarks/family_eval.py
      run perturbation_eval "$PY" benchmarks/perturbation_eval.py
      run drafts_check "$PY" benchmarks/drafts_check.py "$SHARED/corpus/dev/gold"
      run extract_eval "$PY" benchmarks/extract_eval.py "$SHARED/corpus/dev/txt" "$SHARED/corpus/dev/gold" \
        --out "$OUT/pred-dev"
      run calibration_text "$PY" benchmarks/calibration.py "$SHARED/corpus/dev/gold" "$OUT/pred-dev"
      run synth_judgments "$PY" benchmarks/synth_judgments.py --n 180 --seed 1300
      run synth_new_families "$PY" benchmarks/synth_judgments.py --families new --n 140 --seed 31337
      run drafts_existing "$PY" benchmarks/drafts_existing_eval.py "$SHARED/corpus/dev/gold" --families c4
      ;;
    enforcement)
      run enforcement_eval "$PY" benchmarks/enforcement_eval.py \
        "$SHARED/corpus/enforcement-dev/txt" "$SHARED/corpus/enforcement-dev/gold"
      rm -rf "$OUT/cases"
      run cases "$PY" -m cli cases "$SHARED/corpus/dev/txt" "$SHARED/corpus/enforcement-dev/txt" \
        --out "$OUT/cases"
      run cases_score "$PY" "$SHARED/eval/score_enforcement.py" "$SHARED/corpus/enforcement-dev/gold" \
        "$OUT/cases"
      run enforcement_synthetic "$PY" benchmarks/enforcement_synthetic.py --n 300 --seed0 9000
      ;;
    ocr)
      run realistic_eval "$PY" benchmarks/realistic_eval.py --levels office copy phone
      run extract_ocr_eval "$PY" benchmarks/extract_ocr_eval.py --levels clean photocopy phone \
        --work "$OUT/ocr-eval"
      # generated judgments nobody tuned on, through make_scans.py scans, read once and scored
      run synth_write "$PY" benchmarks/synth_judgments.py --n 24 --seed 4711 --out "$OUT/synth-src"
      for lv in phone photocopy; do
        seed=$([ $lv = phone ] && echo 77 || echo 78)
        run "synth_scan_$lv" "$PY" "$SHARED/eval/make_scans.py" "$OUT/synth-src" --out "$OUT/synth-scans" \
          --level $lv --format pdf --seed "$seed"
        run "synth_read_$lv" "$PY" benchmarks/ocr_cache.py build "$OUT/synth-scans/$lv" "$OUT/synth-cache/$lv"
        run "synth_score_$lv" "$PY" benchmarks/ocr_cache.py score "$OUT/synth-cache/$lv" \
          --gold "$OUT/synth-src/gold"
      done
      run ocrfix_ocr "$PY" benchmarks/ocrfix_eval.py ocr --names "$OCRFIX_NAMES" --levels photocopy,phone \
        --max-pages 3 --work "$OUT/ocrfix"
      run ocrfix_score "$PY" benchmarks/ocrfix_eval.py score --work "$OUT/ocrfix"
      run ocr_engines "$PY" benchmarks/ocr_engines.py --pages 4 --rounds 1
      run real_scans "$PY" benchmarks/ocr_quality.py --names c1-01 --max-pages 1 --levels clean \
        --real "$SHARED/corpus/real-scans" --scans "$OUT/ocr-quality"
      ;;
    speed)
      run extract_speed "$PY" benchmarks/extract_speed.py
      run ocr_throughput "$PY" benchmarks/ocr_throughput.py --pages 12 --workers 2 --engine tesserocr
      ;;
    service)
      run api_latency "$PY" benchmarks/api_latency.py --docs 10 --workers 2
      run api_load "$PY" benchmarks/api_load.py --users 50 --seconds 120
      ;;
    batch)
      run batch_throughput "$PY" benchmarks/batch_throughput.py --scan-docs 12 --scan-pages 4 \
        --text-docs 20 --text-rounds 3 --workers 1,2
      run batch_register "$PY" benchmarks/batch_register.py --files 50000
      ;;
    hostile)
      run hostile_measure "$PY" benchmarks/hostile_measure.py --work "$OUT/hostile"
      ;;
    models)
      run models_eval "$PY" benchmarks/models_eval.py --backends spacy transformers --sections \
        --work "$OUT/models"
      ;;
    *) echo "unknown group: $g" >&2; exit 2 ;;
  esac
done
