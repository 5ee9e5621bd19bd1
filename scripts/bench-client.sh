#!/usr/bin/env bash
# Runs the inference client benchmarks 1-4 of issue 6 (pai-benchmarks) against LocalPai.
# Usage: scripts/bench-client.sh [overhead|peers|peers-nio|goodput|goodput-nio|streams|streams-nio|streams-25|streams-vt|all|a,b] [seconds per run]
# Reports: pai-benchmarks/target/bench/*.{json,txt} (goodput also writes load reports with HTML).
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
mvn -B -q -pl pai-benchmarks -am -Pbench-client verify -DskipTests \
  -Dmaven.javadoc.skip=true -Dspotless.check.skip=true \
  -Dbench.client="${1:-all}" -Dbench.client.seconds="${2:-15}"
uptime
