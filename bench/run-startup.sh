#!/usr/bin/env bash
# Start-up benchmark (issue 11): time from launching the JVM until GET /actuator/health/readiness answers 200, for
#   jar        java -jar firebreak-bot.jar (the fat jar, nested jars)
#   extracted  java -jar app/firebreak-bot.jar after `java -Djarmode=tools -jar ... extract` (plain jars in lib/)
#   cds        the extracted jar with a class-data sharing archive (JDK 17 AppCDS) made by one training run
#              (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh)
# Each variant starts RUNS times (default 3) on the same database, already migrated by the training run (a restart,
# as in production); it prints every run and the median.
#
#   bench/run-startup.sh [h2|postgres]          JAR=... to skip the build, RUNS=5, MVN_FLAGS=-o
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DB="${1:-h2}"
RUNS="${RUNS:-3}"
BENCH_DB="${BENCH_DB:-firebreak_bench_startup}"
PORT="${PORT:-$((20000 + RANDOM % 2000))}"
URL="http://127.0.0.1:$PORT"
bench_jar bot
TMP="$(mktemp -d)"
BOT=""
cleanup() {
  [ -n "$BOT" ] && kill "$BOT" 2>/dev/null && wait "$BOT" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

ARGS=(--server.port="$PORT" --firebreak.alertmanager.bearer-token=startup --firebreak.api.token=startup
      --logging.level.root=WARN --logging.level.org.springframework.boot.StartupInfoLogger=INFO)
bench_db_args ARGS "$DB" "$BENCH_DB" "$TMP" "[h2|postgres]"

java -Djarmode=tools -jar "$JAR" extract --destination "$TMP/app" >/dev/null
APP="$(ls "$TMP"/app/*.jar | head -1)"
echo "-- training run for the CDS archive (also migrates the database)"
java -Xmx256m -XX:ArchiveClassesAtExit="$TMP/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" \
  >"$TMP/training.log" 2>&1 || { tail -20 "$TMP/training.log"; exit 1; }
ls -la "$TMP/app.jsa" | awk '{printf "archive: %.0f MB\n", $5 / 1048576}'

# Milliseconds from launch until readiness answers 200.
start_once() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" "${ARGS[@]}" >"$TMP/run.log" 2>&1 &
  BOT=$!
  until curl -fsS -o /dev/null "$URL/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$BOT" 2>/dev/null || { tail -20 "$TMP/run.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill "$BOT"; wait "$BOT" 2>/dev/null || true; BOT=""
  echo $(( (t1 - t0) / 1000000 ))
}

echo "== $DB: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
for variant in jar extracted cds; do
  case "$variant" in
    jar) cmd=(java -Xmx256m -jar "$JAR") ;;
    extracted) cmd=(java -Xmx256m -jar "$APP") ;;
    cds) cmd=(java -Xmx256m -XX:SharedArchiveFile="$TMP/app.jsa" -Xlog:cds=off -Xlog:class+path=off -jar "$APP") ;;
  esac
  times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(start_once "${cmd[@]}")"); done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')"
  echo "$variant: start-up to ready ms: ${times[*]} (median $median); $(grep -o 'Started .* seconds (process running for [0-9.]*)' "$TMP/run.log" | tail -1)"
done
