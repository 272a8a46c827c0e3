# Shared start-up block of the bench/*.sh scripts: sourced (`. bench/common.sh`) from the repository root.
# shellcheck shell=bash

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Sets JAR to the bot's jar: $JAR if given, else builds modules $1 (default bot) unless SKIP_BUILD is set.
# MVN_FLAGS (e.g. -o) go to Maven.
bench_jar() {
  if [ -z "${JAR:-}" ]; then
    # shellcheck disable=SC2086
    [ -n "${SKIP_BUILD:-}" ] || mvn -q -B ${MVN_FLAGS:-} package -pl "${1:-bot}" -am -DskipTests
    JAR="$(ls bot/target/firebreak-bot-*.jar | grep -v original | head -1)"
  fi
}

# Appends the bot's datasource arguments to the array named $1: $2 h2 (a file database in directory $4) or postgres
# (database $3 on 127.0.0.1, dropped and created: fresh every run); else prints "usage: <script> $5" and exits 2.
bench_db_args() {
  local -n into="$1"
  case "$2" in
    h2)
      into+=(--spring.datasource.url="jdbc:h2:file:$4/firebreak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE")
      ;;
    postgres)
      psql -h 127.0.0.1 -U postgres -w -qc "drop database if exists $3" >/dev/null
      psql -h 127.0.0.1 -U postgres -w -qc "create database $3"
      into+=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$3")
      ;;
    *) echo "usage: $0 $5" >&2; exit 2 ;;
  esac
}

# Waits (at most 120 s) until the bot at URL $1 (pid $2, log $3) is live; if it dies, prints its log and exits 1.
bench_await_live() {
  for _ in $(seq 1 120); do
    curl -fsS "$1/actuator/health/liveness" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 1
  done
}

# For the drills: waits (at most 240 s) until the bot on port $1 (pid $2, log $3, called $4 in messages) is ready;
# if it dies or is not ready in time, logs FAIL (with the script's log function) and exits 1.
bench_await_ready() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { tail -50 "$3"; log "FAIL: $4 did not start"; exit 1; }
    sleep 1
  done
  log "FAIL: $4 not ready within 240 s"; exit 1
}
