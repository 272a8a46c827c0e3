#!/usr/bin/env bash
# Flight recorder cost (issue 14): the same intake load against the bot with the recorder off and on, in one run
# (off, on, off, on: each configuration twice, so drift on a shared machine shows), and how many recordings were
# written or dropped. Builds the jar like run-intake.sh; starts the bot with -Xmx256m on H2 (file) or PostgreSQL
# (database firebreak_bench_recorder, fresh per start).
#
#   bench/run-recorder.sh [h2|postgres] [seconds-per-phase] [open-loop rate, 0: none]   e.g. bench/run-recorder.sh postgres 15 60
# Prints per configuration: closed-loop throughput and latency, the bot's CPU time per notification, open-loop latency.
# Environment: MVN_FLAGS (e.g. -o), ROUNDS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DB="${1:-postgres}"
SECONDS_PER_PHASE="${2:-15}"
RATE="${3:-60}"
ROUNDS="${ROUNDS:-2}"
TOKEN="bench-$RANDOM$RANDOM"

bench_jar bot,bench

run_one() {
  local recorder="$1"
  local port=$((18000 + RANDOM % 2000))
  local url="http://127.0.0.1:$port"
  local tmp
  tmp="$(mktemp -d)"
  local args=(-Xmx256m -jar "$JAR" --server.port="$port" --firebreak.alertmanager.bearer-token="$TOKEN"
              --firebreak.api.token="$TOKEN" --firebreak.recorder.enabled="$recorder"
              --firebreak.storm.enabled="${STORM_BREAKER:-false}"
              --logging.level.root=WARN --logging.level.dev.firebreak=INFO)
  bench_db_args args "$DB" firebreak_bench_recorder "$tmp" "[h2|postgres] [seconds-per-phase] [open-loop rate]"
  java "${args[@]}" >"$tmp/bot.log" 2>&1 &
  local bot=$!
  bench_await_live "$url" "$bot" "$tmp/bot.log"
  load() { java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url="$url" --token="$TOKEN" "$@"; }
  echo "== recorder=$recorder $DB $(date -u +%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)"
  load --mode=closed --duration=5 --concurrency=16 >/dev/null
  # CPU time of the bot process (all its threads, the recorder's writer included) per notification: far less
  # sensitive to the rest of a shared machine than throughput or latency.
  local hz cpu0 cpu1 out
  hz="$(getconf CLK_TCK)"
  cpu0="$(awk '{print $14 + $15}' /proc/$bot/stat)"
  out="$(load --mode=closed --duration="$SECONDS_PER_PHASE" --concurrency=16)"
  cpu1="$(awk '{print $14 + $15}' /proc/$bot/stat)"
  echo "-- closed loop, 16 senders"; echo "$out" | grep -E "throughput|latency"
  local n
  n="$(echo "$out" | sed -n 's/.* ok=\([0-9]*\) .*/\1/p')"
  echo "cpu_ms_per_notification=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$hz" -v n="$n" 'BEGIN { printf "%.2f", (b - a) * 1000 / hz / n }') (bot process, $n notifications)"
  if [ "$RATE" != 0 ]; then
    echo "-- open loop at $RATE/s"; load --mode=open --rate="$RATE" --duration="$SECONDS_PER_PHASE" --concurrency=32 | grep -E "throughput|latency|unsent"
  fi
  for m in firebreak.recorder.recorded firebreak.recorder.dropped; do
    echo "-- $m: $(curl -fsS "$url/actuator/metrics/$m" | grep -o '"value":[0-9.E]*' | head -1)"
  done
  kill "$bot"; wait "$bot" 2>/dev/null || true
  rm -rf "$tmp"
}

echo "== $(nproc) cores, $(date -u +%FT%TZ) (shared machine: compare configurations within this run only)"
for _ in $(seq 1 "$ROUNDS"); do
  run_one false
  run_one true
done
