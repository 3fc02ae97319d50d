#!/usr/bin/env bash
# bin/bench harvest — harvester throughput (issue 3, "Benchmark"), in one run:
#   1. parse + map: each connector's native format (IDR study files, BioStudies JSON, EMPIAR JSON, GIDE RO-Crates,
#      DataCite JSON and XML, OAI-PMH oai_dc, Zenodo REST JSON), the fixture records replicated to N records, timed
#      in one JVM after a warm-up: records/s and MB/s;
#   2. publish: N HarvestedRecord events to Kafka with the harvester's producer settings (acks=all, idempotent),
#      pipelined, then one acknowledged send at a time as a run does.
# Inputs: ../shared/fixtures when present (BIC_FIXTURES), else the self-written fixtures/replay. Needs Kafka of the
# local stack (bin/stack start) for step 2; uses the topic bench.records.harvested.v1 and deletes it at the end.
#
# Usage: bin/bench harvest [--records N (100000)] [--sync-records N (5000)]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

FIXTURES="${BIC_FIXTURES:-$REPO/../shared/fixtures}"
(exec 3<>"/dev/tcp/127.0.0.1/$BIC_KAFKA_PORT") 2>/dev/null || die "nothing answers on 127.0.0.1:$BIC_KAFKA_PORT: start the stack (bin/stack start)"
BENCH_CP="$(bench_classpath)"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "$BENCH_CP" org.bioimagecatalog.bench.HarvestBench "$@" \
  --kafka "$BIC_KAFKA_BOOTSTRAP" --fixtures "$FIXTURES" --replay "$REPO/fixtures/replay" 2>&1 | sed -u '/SLF4J/d'
