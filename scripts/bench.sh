#!/usr/bin/env bash
# Runs the benchmarks and prints figures and ratios:  scripts/bench.sh [at|transfer|all]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./qmodem --version >/dev/null            # builds the jar and finds the JDK
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' qmodem)
export JAVA_HOME=$(find_jdk)
mvn -B -q package -DskipTests -pl bench -am
cp="bench/target/classes:bench/target/lib/*"
what=${1:-all}
if [[ $what == at || $what == all ]]; then
  "$JAVA_HOME/bin/java" -cp "$cp" dev.qmodem.bench.AtRoundTripBenchmark cli/target/qmodem.jar
fi
