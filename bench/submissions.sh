#!/usr/bin/env bash
# Single-figure submission throughput against a running ./run-local.sh stack, driven by wrk in its own process,
# side by side with pgbench single-row INSERT transactions into the same PostgreSQL (the physical reference).
#
#   ./run-local.sh --fresh &            # wait until it prints the URLs
#   bench/submissions.sh [seconds=30] [connections=16]
#
# Needs wrk and pgbench (Debian: apt-get install wrk postgresql-client). Each request is a new figure of a MONTHLY
# RATIO indicator created for the run, submitted by a reporter token of the figure's own agency (so token
# verification and the agency check are on the path), with its own Idempotency-Key.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

seconds=${1:-30}
connections=${2:-16}
plans=http://127.0.0.1:${PLANS_PORT:-8081}
indicators=http://127.0.0.1:${INDICATORS_PORT:-8082}
pg_port=${PG_PORT:-55432}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

admin=$(./run-local.sh token admin)
auth=(-H "Authorization: Bearer $admin")

plan=$(curl -sf "${auth[@]}" "$plans/api/plans?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -sf "${auth[@]}" "$plans/api/agencies?size=500" >"$work/agencies.json"
curl -sf "${auth[@]}" "$plans/api/agency-groups?size=500" >"$work/groups.json"

# the indicator: performed by every group of the demo directory, evaluated by the first province-level agency
python3 - "$work" "$plan" <<'PY'
import json, sys
work, plan = sys.argv[1], sys.argv[2]
agencies = json.load(open(f"{work}/agencies.json"))["items"]
groups = json.load(open(f"{work}/groups.json"))["items"]
evaluator = next(a for a in agencies if a["level"] == "PROVINCE")
body = {
    "planId": plan, "group": "BENCH", "ordinal": str(int(__import__("time").time())),
    "name": "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn (benchmark)",
    "unit": "PERCENT", "kind": "RATIO", "direction": "HIGHER_IS_BETTER", "frequency": "MONTHLY",
    "numeratorLabel": "số hồ sơ giải quyết đúng hạn", "denominatorLabel": "tổng số hồ sơ đã giải quyết",
    "performingAgencies": [{"groupId": g["id"]} for g in groups],
    "coordinatingAgencies": [], "evaluatingAgencyId": evaluator["id"],
    "targets": [{"comparator": "AT_LEAST", "value": 95, "scope": {}}], "components": [],
}
json.dump(body, open(f"{work}/indicator.json", "w"), ensure_ascii=False)
PY
indicator=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$work/indicator.json" \
    "$indicators/api/indicators" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# agencies that perform it (members of the groups on today's date), each with a reporter token of its own
members=()
for g in $(python3 -c 'import json,sys; [print(g["id"]) for g in json.load(open(sys.argv[1]))["items"]]' "$work/groups.json"); do
    while read -r id code; do members+=("$id $code"); done < <(curl -sf "${auth[@]}" "$plans/api/agency-groups/$g/members?size=500" \
        | python3 -c 'import json,sys; [print(m.get("agencyId", m.get("id")), m.get("code") or m.get("agencyCode")) for m in json.load(sys.stdin)["items"]]')
done
# at most 16 agencies (one token each; months make the figures distinct: 16 × 12 × 170 years)
members=("${members[@]:0:16}")
{
    echo "agencies = {"
    for m in "${members[@]}"; do
        read -r id code <<<"$m"
        echo "  {id = \"$id\", token = \"$(./run-local.sh token reporter "$code")\"},"
    done
    echo "}"
    echo "indicator = \"$indicator\""
    cat bench/submissions.lua
} >"$work/run.lua"
echo "indicator $indicator, ${#members[@]} reporting agencies, $connections connections, ${seconds}s"

echo "== wrk: POST /api/measurements"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/run.lua" "$indicators/api/measurements"

echo "== pgbench: single-row INSERT transactions into the same PostgreSQL"
export PGPASSWORD=${DB_PASSWORD:-partracker}
psql -q -h 127.0.0.1 -p "$pg_port" -U "${DB_USERNAME:-partracker}" partracker_indicators \
    -c 'CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, agency UUID, value NUMERIC, at TIMESTAMPTZ DEFAULT now())'
echo "INSERT INTO bench_insert (agency, value) VALUES (gen_random_uuid(), random() * 100);" >"$work/insert.sql"
pgbench -n -h 127.0.0.1 -p "$pg_port" -U "${DB_USERNAME:-partracker}" -c "$connections" -j 2 -T "$seconds" \
    -f "$work/insert.sql" partracker_indicators | grep -E "tps|latency"
psql -q -h 127.0.0.1 -p "$pg_port" -U "${DB_USERNAME:-partracker}" partracker_indicators -c 'DROP TABLE bench_insert'
