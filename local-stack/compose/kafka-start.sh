#!/bin/bash
# Entry command of the kafka container in docker-compose.yml: runs the apache/kafka image's own launcher
# (/etc/kafka/docker/run, which formats the storage on first start and starts the broker), waits until the broker
# answers, creates the PAR Tracker topics if missing and leaves a marker file that the healthcheck looks for.
# SIGTERM/SIGINT are passed on to the broker so that `docker compose stop` shuts it down cleanly.
set -uo pipefail

topics="${PARTRACKER_TOPICS:-partracker.agencies partracker.plans partracker.indicators partracker.measurements partracker.reports}"
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
    "$kafka_bin/kafka-topics.sh" --bootstrap-server localhost:9092 --create --if-not-exists \
        --topic "$topic" --partitions "$partitions" --replication-factor 1 || exit 1
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
