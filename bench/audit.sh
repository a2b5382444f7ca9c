#!/usr/bin/env bash
# Benchmark of the audit log on PostgreSQL: append throughput from 8 threads, then `audit verify` over 100,000
# entries, then verify again after editing one entry with SQL. Runs bench/AuditLoad.java on the bot's compiled
# classes and runtime classpath against the PostgreSQL at BOT_TEST_POSTGRES_URL (default 127.0.0.1:5432/test), in a
# schema of its own that it drops at the end.
# Usage: bench/audit.sh [AuditLoad options, e.g. --entries 100000 --threads 8]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
OUT=target/bench
mkdir -p "$OUT"
[ -d target/classes/io/serviceaccountbot/audit ] || ./mvnw -q -DskipTests compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/runtime-classpath.txt" >/dev/null
URL=${BOT_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
USER_NAME=${BOT_TEST_POSTGRES_USER:-postgres}
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(psql -V 2>/dev/null || echo 'PostgreSQL')"
java -Xmx512m -cp "target/classes:$(cat "$OUT/runtime-classpath.txt")" bench/AuditLoad.java "$URL" --user "$USER_NAME" "$@" \
  | tee "$OUT/audit.txt"
