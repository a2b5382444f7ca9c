#!/usr/bin/env bash
# Prints the JVM flags the container image gives the bot (JAVA_TOOL_OPTIONS in deploy/Dockerfile), so that the
# benchmarks start it exactly as the container does.
set -euo pipefail
cd "$(dirname "$0")/.."
sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' deploy/Dockerfile
