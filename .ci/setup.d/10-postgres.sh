#!/usr/bin/env bash
# Installs Debian's PostgreSQL, starts a server on 127.0.0.1 and creates the
# role and database the store conformance tests use (graph: TestPostgres).
# Idempotent: a second run finds everything in place and changes nothing.
# The URL goes to $NEWSGRAPH_CI_ENV (when .ci/run sets it) as
# NEWSGRAPH_TEST_POSTGRES=postgres://….
set -euo pipefail

user=newsgraph
pass=newsgraph
db=newsgraph_test

if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql >/dev/null
fi

ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
	pg_createcluster "$ver" main >/dev/null
fi
# Loopback only: the tests never need more, and nothing else should reach it.
conf=/etc/postgresql/$ver/main/conf.d/newsgraph.conf
if [ "$(cat "$conf" 2>/dev/null)" != "listen_addresses = '127.0.0.1'" ]; then
	echo "listen_addresses = '127.0.0.1'" >"$conf"
	pg_ctlcluster "$ver" main restart 2>/dev/null || true
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" { print $3 }')
status=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" { print $4 }')
if [ "$status" != online ]; then
	pg_ctlcluster "$ver" main start
fi

psql_pg() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtAX "$@"; }
for _ in $(seq 1 30); do
	psql_pg -c 'select 1' >/dev/null 2>&1 && break
	sleep 1
done
if [ "$(psql_pg -c "select 1 from pg_roles where rolname = '$user'")" != 1 ]; then
	psql_pg -c "create role $user login password '$pass'"
fi
if [ "$(psql_pg -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
	psql_pg -c "create database $db owner $user"
fi

url="postgres://$user:$pass@127.0.0.1:$port/$db?sslmode=disable"
PGPASSWORD=$pass psql -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -qtAX -c 'select 1' >/dev/null
if [ -n "${NEWSGRAPH_CI_ENV:-}" ]; then
	echo "NEWSGRAPH_TEST_POSTGRES=$url" >>"$NEWSGRAPH_CI_ENV"
fi
