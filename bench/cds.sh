#!/usr/bin/env bash
# Builds a Class Data Sharing archive for faster start-up: extracts the jar (CDS needs plain jars on the class path),
# runs the bot once, answers one real `help` so the first request's classes are archived too, and stops it; the JVM
# writes target/cds/app.jsa at exit. Run the bot with:
#   java -XX:SharedArchiveFile=target/cds/app.jsa -jar target/cds/service-account-bot-sandbox.jar
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
rm -rf target/cds
java -Djarmode=tools -jar "$JAR" extract --destination target/cds > /dev/null
PORT=${PORT:-3991}
java -XX:ArchiveClassesAtExit=target/cds/app.jsa -jar target/cds/service-account-bot-sandbox.jar --server.port="$PORT" \
  > target/cds/training.log 2>&1 & bot=$!
java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --wait-ready 120 --seconds 0 \
  > target/cds/probe.log 2>&1 || { echo "no reply during the training run; see target/cds/training.log"; kill $bot; exit 1; }
kill -TERM $bot
wait $bot || true
ls -la target/cds/app.jsa
