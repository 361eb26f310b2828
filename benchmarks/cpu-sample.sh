#!/usr/bin/env bash
# A documented harness for benchmarks/README.md ("Where the CPU went"): run beside run-backfill, stop it after.
# Appends "epoch-seconds pid name utime stime" (clock ticks, /proc/PID/stat) of the stack's JVMs to the file every 2 s;
# a process's CPU over a phase is the difference of its samples at the phase's start and end (ticks / 100 = s).
out=${1:-/tmp/cpu-samples.txt}; : > $out
while true; do
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    cmd=$(tr '\0' ' ' < $p/cmdline 2>/dev/null) || continue
    case "$cmd" in
      *parser-service*) n=parser;; *indexer-service*) n=indexer;; *ingest-service*) n=ingest;;
      *org.elasticsearch.bootstrap*|*elasticsearch.server*|*org.elasticsearch.server*) n=elasticsearch;;
      *kafka.Kafka*|*KafkaRaftServer*|*kafka_2.13*|*KraftBroker*) n=kafka;;
      *ExtractionBaseline*) n=extraction;; *BackfillBenchmark*) n=harness;;
      *) continue;;
    esac
    read -r -a f < <(sed 's/^.*) //' $p/stat 2>/dev/null) || continue
    echo "$(date +%s) $pid $n ${f[11]} ${f[12]}" >> $out
  done
  sleep 2
done
