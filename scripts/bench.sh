#!/usr/bin/env bash
# Runs the benchmarks and prints figures and ratios:
#   scripts/bench.sh [at|transfer [MiB]|scale [sizes [modules [iterations]]]|fuzz [lines [seed]]|all]
# fuzz (10^6 random AT lines by default, a few minutes) is not part of all.
# The transfer benchmark starts vsftpd (scripts/install-peers.sh installs it) and needs root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./qmodem --version >/dev/null            # builds the jar and finds the JDK
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' qmodem)
export JAVA_HOME=$(find_jdk)
mvn -B -q package -DskipTests -pl bench -am
cp="bench/target/classes:bench/target/lib/*"
what=${1:-all}
java_opts=(-Xmx512m -XX:+UseG1GC)
if [[ $what == at || $what == all ]]; then
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" dev.qmodem.bench.AtRoundTripBenchmark cli/target/qmodem.jar
fi
if [[ $what == transfer || $what == all ]]; then
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" dev.qmodem.bench.TransferBenchmark "${2:-256}"
fi
if [[ $what == scale || $what == all ]]; then
  "$JAVA_HOME/bin/java" -Xmx4g -XX:+UseG1GC -cp "$cp" dev.qmodem.bench.ScaleBenchmark "${2:-10,1000,10000}" "${3:-1000}" "${4:-3}"
fi
if [[ $what == fuzz ]]; then
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" dev.qmodem.bench.AtFuzzBenchmark "${2:-1000000}" "${3:-1}"
fi
