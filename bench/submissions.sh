#!/usr/bin/env bash
# Single-figure submission throughput against the local stack, with the pgbench baseline in the same run: the
# `submissions` part of the one benchmark runner (bench/run.sh, which holds the setup and writes
# bench/results/latest.json). Kept for its short name and positional arguments.
#
#   bench/submissions.sh [seconds=30] [connections=16]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
BENCH_SECONDS=${1:-30} BENCH_CONNECTIONS=${2:-16} exec ./bench/run.sh submissions
