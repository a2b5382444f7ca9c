#!/usr/bin/env bash
# Builds the Java 25 AOT cache (JEP 483, 514, 515: classes loaded and linked, and method profiles, ahead of time) from
# a training run on real paths: the bot (the sandbox jar, extracted, as the AOT cache wants plain jars on the class
# path) starts with the container's JVM flags, answers `help` in several conversations, then a command, approval
# clicks and the plans they run (bench/ApprovalLoad.java), and stops; the JVM writes target/aot/app.aot at exit.
# bench/start.sh then starts the bot with it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
rm -rf target/aot
java -Djarmode=tools -jar "$JAR" extract --destination target/aot > /dev/null
PORT=${PORT:-3996}
read -r -a container_flags <<< "$(bench/container-flags.sh)"
java "${container_flags[@]}" -XX:AOTCacheOutput=target/aot/app.aot -jar target/aot/service-account-bot-sandbox.jar \
  --server.port="$PORT" --bot.storage.directory=target/aot/training-data > target/aot/training.log 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --wait-ready 120 --sweep 1,4 --seconds 3 \
  --warmup 1 > target/aot/help.log 2>&1 || { echo "no reply during the training run; see target/aot/training.log"; exit 1; }
java bench/ApprovalLoad.java "http://127.0.0.1:$PORT" --requests 8 --listings 3 --clients 2 --tenant-latency-ms 20 \
  > target/aot/approvals.log 2>&1 || { echo "the approvals of the training run failed; see target/aot/approvals.log"; exit 1; }
kill -TERM $bot
wait $bot || true
trap - EXIT
ls -la target/aot/app.aot
