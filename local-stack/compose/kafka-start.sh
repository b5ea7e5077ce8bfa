#!/bin/bash
# Entry command of the kafka container in docker-compose.yml: runs the apache/kafka image's own launcher
# (/etc/kafka/docker/run, which formats the storage on first start and starts the broker), waits until the broker
# answers, creates the PAR Tracker topics if missing with the retention each needs (the same settings as
# vn.partracker.events.Topics.configOf; ComposeFileTest checks that they agree), sets those settings on topics created
# before, and leaves a marker file that the healthcheck looks for.
# SIGTERM/SIGINT are passed on to the broker so that `docker compose stop` shuts it down cleanly.
set -uo pipefail

# Full-state topics are compacted by key (the last hour left whole); the plans topic is a history and kept forever.
compacted="cleanup.policy=compact,min.compaction.lag.ms=3600000"
kept_forever="cleanup.policy=delete,retention.ms=-1,retention.bytes=-1"
declare -A topic_configs=(
    [partracker.agencies]="$compacted"
    [partracker.plans]="$kept_forever"
    [partracker.indicators]="$compacted"
    [partracker.measurements]="$compacted"
    [partracker.reports]="$compacted"
)
topics="partracker.agencies partracker.plans partracker.indicators partracker.measurements partracker.reports"
partitions="${PARTRACKER_TOPIC_PARTITIONS:-3}"
marker=/tmp/partracker-topics-ready
kafka_bin="${KAFKA_HOME:-/opt/kafka}/bin"
broker_launcher="${KAFKA_DOCKER_RUN:-/etc/kafka/docker/run}"

rm -f "$marker"
"$broker_launcher" &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null' TERM INT

until "$kafka_bin/kafka-topics.sh" --bootstrap-server localhost:9092 --list >/dev/null 2>&1; do
    if ! kill -0 "$broker" 2>/dev/null; then
        wait "$broker"
        exit $?
    fi
    sleep 2
done

for topic in $topics; do
    config_flags=()
    IFS=',' read -ra settings <<< "${topic_configs[$topic]}"
    for setting in "${settings[@]}"; do
        config_flags+=(--config "$setting")
    done
    "$kafka_bin/kafka-topics.sh" --bootstrap-server localhost:9092 --create --if-not-exists \
        --topic "$topic" --partitions "$partitions" --replication-factor 1 "${config_flags[@]}" || exit 1
    "$kafka_bin/kafka-configs.sh" --bootstrap-server localhost:9092 --alter --entity-type topics \
        --entity-name "$topic" --add-config "${topic_configs[$topic]}" || exit 1
done
touch "$marker"
echo "partracker: topics ready: $topics"

# wait returns early when a trapped signal arrives; keep waiting until the broker has really exited.
wait "$broker"
status=$?
while kill -0 "$broker" 2>/dev/null; do
    wait "$broker"
    status=$?
done
exit "$status"
