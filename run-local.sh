#!/usr/bin/env bash
# Runs PAR Tracker locally without Docker: embedded PostgreSQL, a local Kafka broker and the three services.
# Builds whatever is missing first (or everything with --rebuild). Stop with Ctrl-C.
# ./run-local.sh token <role> [agency-code] [--subtree] prints one signed dev token (valid 12 h) and starts nothing.
# Options and environment variables: ./run-local.sh --help, or local-stack/README-local-stack.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

rebuild=false
launcher_only=false
token=false
args=()
if [[ "${1:-}" == "token" ]]; then
    # Only the launcher is needed, and stdout must carry the token alone: build chatter goes to stderr.
    token=true
    launcher_only=true
    args=("$@")
    exec 3>&1 1>&2
else
    for arg in "$@"; do
        case "$arg" in
            --rebuild) rebuild=true ;;
            --infra-only | --help | -h) launcher_only=true; args+=("$arg") ;;
            *) args+=("$arg") ;;
        esac
    done
fi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java_cmd" >/dev/null 2>&1; then
    echo "run-local.sh: java not found; install a JDK 17 or set JAVA_HOME" >&2
    exit 1
fi
java_major=$("$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ -z "$java_major" || "${java_major%%.*}" -lt 17 ]]; then
    echo "run-local.sh: Java 17 or newer is required (found ${java_major:-unknown} at $(command -v "$java_cmd"))" >&2
    exit 1
fi

launcher_jar() {
    local jar
    for jar in local-stack/target/local-stack-*.jar; do
        case "$jar" in
            *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
            *) [[ -f "$jar" ]] && { echo "$jar"; return 0; } ;;
        esac
    done
    return 1
}

needs_build() {
    local svc
    if ! $launcher_only; then
        for svc in plans indicators reporting; do
            [[ -f "$svc-service/target/quarkus-app/quarkus-run.jar" ]] || return 0
        done
    fi
    launcher_jar >/dev/null || return 0
    compgen -G "local-stack/target/lib/*.jar" >/dev/null || return 0
    return 1
}

# The formatting check is skipped here: an unformatted file should not stop anyone from running the stack
# (./mvnw verify still enforces it).
if $rebuild || needs_build; then
    if $launcher_only && ! $rebuild; then
        echo "Building the launcher (./mvnw -B -q -pl local-stack -am -DskipTests install)..."
        ./mvnw -B -q -pl local-stack -am -DskipTests -Dspotless.check.skip=true install
    else
        echo "Building (./mvnw -B -q -DskipTests install)..."
        ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
    fi
fi

jar=$(launcher_jar) || { echo "run-local.sh: local-stack jar missing after the build" >&2; exit 1; }

if $token; then
    # shellcheck disable=SC2086
    exec "$java_cmd" ${LOCAL_STACK_JAVA_OPTS:--Xmx384m} -cp "$jar:local-stack/target/lib/*" \
        vn.partracker.localstack.LocalStack "${args[@]}" 1>&3 3>&-
fi

# A shell started in the background without job control ignores SIGINT, and the JVM would inherit that and never run
# its shutdown hook on SIGINT; env --default-signal (coreutils >= 8.31) restores the default where available.
reset_signals=()
if env --default-signal=INT true >/dev/null 2>&1; then
    reset_signals=(env --default-signal=INT)
fi

# exec: the JVM replaces this shell, so Ctrl-C and SIGTERM reach its shutdown hook directly.
# LOCAL_STACK_JAVA_OPTS sizes the launcher JVM, which also hosts the Kafka broker.
# shellcheck disable=SC2086
exec ${reset_signals[@]+"${reset_signals[@]}"} "$java_cmd" ${LOCAL_STACK_JAVA_OPTS:--Xmx384m} -cp "$jar:local-stack/target/lib/*" \
    vn.partracker.localstack.LocalStack "${args[@]+"${args[@]}"}"
