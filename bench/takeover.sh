#!/usr/bin/env bash
# Benchmark of takeovers: how long after a replica is killed (SIGKILL) another replica carries its run on. A process
# serves the simulated tenant; bench/TakeoverLoad.java starts the replicas on one PostgreSQL schema, runs a plan whose
# step the tenant holds back, kills the replica running it, and times the kill until another replica starts the step
# again, over several trials. Needs PostgreSQL at BOT_TEST_POSTGRES_URL (default 127.0.0.1:5432/test, trust auth); the
# bots' tables go into a schema of their own, dropped at the end. Then counts the ERROR lines in the replicas' logs.
# Usage: [HEARTBEAT=5s] bench/takeover.sh [TakeoverLoad options, e.g. --trials 6 --replicas 3]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
HEARTBEAT=${HEARTBEAT:-5s}
OUT=target/bench/takeover
rm -rf "$OUT"
mkdir -p "$OUT"
URL=${BOT_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
USER_NAME=${BOT_TEST_POSTGRES_USER:-postgres}
SCHEMA="bench_takeover_$$"
PSQL_URL=${URL#jdbc:}
psql "$PSQL_URL" -U "$USER_NAME" -qc "create schema $SCHEMA"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
tenant=
cleanup() {
  [ -z "$tenant" ] || kill "$tenant" 2>/dev/null || true
  wait 2>/dev/null || true
  psql "$PSQL_URL" -U "$USER_NAME" -qc "drop schema if exists $SCHEMA cascade" || true
}
trap cleanup EXIT
# the tenant's simulated runbook reads the passwords the replicas store from the same directory (the runner's Key Vault)
java -Xmx256m -XX:+UseSerialGC -jar "$JAR" --server.port=3993 --bot.storage.directory="$OUT/tenant" \
  --bot.secrets.directory="$OUT/secrets" > "$OUT/tenant.log" 2>&1 & tenant=$!
for _ in $(seq 1 240); do
  (exec 3<>/dev/tcp/127.0.0.1/3993) 2>/dev/null && break
  sleep 0.5
done
java bench/TakeoverLoad.java --jar "$JAR" --tenant http://127.0.0.1:3993 --db "$URL" --db-user "$USER_NAME" \
  --schema "$SCHEMA" --out "$OUT" --heartbeat "$HEARTBEAT" "$@" | tee "$OUT/takeover.txt"
echo "== ERROR lines in the replicas' logs: $(cat "$OUT"/bot-*.log | grep -c ' ERROR ' || true)" | tee -a "$OUT/takeover.txt"
