#!/usr/bin/env bash
# Benchmark of approvals: invoke answer latency (Approve, replayed Approve, Refresh) while the simulated tenant takes
# 2 s per call, and `requests pending` with 1,000 pending requests. Starts the packaged bot in sandbox mode with a
# fresh data directory, then runs bench/ApprovalLoad.java against it.
# Usage: [PORT=3991] bench/approvals.sh [ApprovalLoad options, e.g. --requests 1000 --clients 8]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
PORT=${PORT:-3991}
OUT=target/bench
rm -rf "$OUT/approvals-data"
mkdir -p "$OUT/approvals-data"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
java -Xmx256m -Xss512k -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" \
  --bot.storage.directory="$OUT/approvals-data" --bot.secrets.directory="$OUT/approvals-data/secrets" \
  > "$OUT/approvals-bot.log" 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $bot 2>/dev/null || { echo "the bot exited; see $OUT/approvals-bot.log"; exit 1; }
  (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break
  sleep 0.5
done
java bench/ApprovalLoad.java "http://127.0.0.1:$PORT" "$@" | tee "$OUT/approvals.txt"
echo "== resident after the load: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
