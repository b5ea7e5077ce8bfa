#!/bin/bash
# Runs once, on the first start of the postgres container (empty data volume): creates the application role and one
# database per service, owned by that role, so the services never connect as the superuser.
# Role name and password come from PARTRACKER_DB_USERNAME / PARTRACKER_DB_PASSWORD (see docker-compose.yml).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_user="${PARTRACKER_DB_USERNAME:-partracker}" \
    -v app_password="${PARTRACKER_DB_PASSWORD:-partracker}" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE partracker_plans OWNER :"app_user" ENCODING 'UTF8';
CREATE DATABASE partracker_indicators OWNER :"app_user" ENCODING 'UTF8';
CREATE DATABASE partracker_reporting OWNER :"app_user" ENCODING 'UTF8';
SQL
