#!/usr/bin/env bash
# Prints the JVM flags the container image gives the bot (JAVA_TOOL_OPTIONS in deploy/Dockerfile), so that the
# benchmarks start it exactly as the container does, and the container's memory limit (deploy/azure/main.bicep), which
# the JVM reads from its cgroup in Container Apps and which this machine has not: -XX:MaxRAM stands in for it, so that
# MaxRAMPercentage and the initial heap are sized as in the container and not from the whole machine.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' deploy/Dockerfile)
memory=$(sed -n "s/^ *memory: '\([0-9]*\)Gi'.*/\1/p" deploy/azure/main.bicep | head -1)
echo "$flags -XX:MaxRAM=${memory:?no memory in deploy/azure/main.bicep}g"
