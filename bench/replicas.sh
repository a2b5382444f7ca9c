#!/usr/bin/env bash
# Benchmark of approval decisions with two replicas on one PostgreSQL: 50 requests (after 50 to warm up), and Megan's Approve on each
# delivered to both replicas, 50 clicks at a time, under 2 s tenant latency. A third process serves the simulated
# tenant both replicas use (as in TwoReplicasIT). Needs PostgreSQL at BOT_TEST_POSTGRES_URL (default
# 127.0.0.1:5432/test, trust auth); the bots' tables go into a schema of their own, dropped at the end.
# Usage: bench/replicas.sh [ApprovalLoad options, e.g. --requests 50 --clients 50]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
OUT=target/bench
rm -rf "$OUT/replicas"
mkdir -p "$OUT/replicas"
URL=${BOT_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
USER_NAME=${BOT_TEST_POSTGRES_USER:-postgres}
SCHEMA="bench_replicas_$$"
PSQL_URL=${URL#jdbc:}
psql "$PSQL_URL" -U "$USER_NAME" -qc "create schema $SCHEMA"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  psql "$PSQL_URL" -U "$USER_NAME" -qc "drop schema if exists $SCHEMA cascade" || true
}
trap cleanup EXIT
# the tenant's simulated runbook reads the passwords the replicas store from the same directory (the runner's Key Vault)
java -Xmx256m -XX:+UseSerialGC -jar "$JAR" --server.port=3993 --bot.storage.directory="$OUT/replicas/tenant" \
  --bot.secrets.directory="$OUT/replicas/secrets" > "$OUT/replicas/tenant.log" 2>&1 & pids+=($!)
SANDBOX=http://127.0.0.1:3993/sandbox
for port in 3994 3995; do
  java -Xmx256m -XX:+UseSerialGC -jar "$JAR" --server.port=$port \
    --spring.datasource.url="$URL?currentSchema=$SCHEMA" --spring.datasource.username="$USER_NAME" \
    --bot.provisioning.graph-base-url=$SANDBOX/graph/v1.0 --bot.exchange-server.runner.arm-url=$SANDBOX/arm \
    --bot.provisioning.ews-url=$SANDBOX/ews/Exchange.asmx --bot.secrets.directory="$OUT/replicas/secrets" \
    > "$OUT/replicas/bot-$port.log" 2>&1 & pids+=($!)
done
for port in 3993 3994 3995; do
  for _ in $(seq 1 240); do
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
    sleep 0.5
  done
done
java bench/ApprovalLoad.java http://127.0.0.1:3994 --replica http://127.0.0.1:3995 --tenant http://127.0.0.1:3993 \
  --requests 100 --clients 50 "$@" | tee "$OUT/replicas.txt"
