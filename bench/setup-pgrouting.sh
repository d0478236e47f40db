#!/usr/bin/env bash
# The pgRouting peer of bench/network.ts, on Debian 12 as root (about a minute):
#   bash bench/setup-pgrouting.sh [EXTRACT.osm.pbf]        (default ../shared/data/porto-alegre/poa_osm.pbf)
# Installs PostgreSQL 15 + PostGIS + pgRouting, osm2pgrouting and osmium-tool; starts a throw-away
# cluster in /tmp/siteselect-pgr listening on 127.0.0.1:54331 only (trust auth, no durability: a
# scratch database); turns the extract into .osm XML with osmium (osm2pgrouting reads only XML) and
# loads it with osm2pgrouting's default mapconfig.xml (every highway class) into database `routing`.
# Stop it with: bash bench/setup-pgrouting.sh --stop
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PGDATA=/tmp/siteselect-pgr/data
PORT=54331
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

if [ "${1:-}" = "--stop" ]; then
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop || true
  rm -rf /tmp/siteselect-pgr
  exit 0
fi
EXTRACT=$(realpath "${1:-$HERE/../../shared/data/porto-alegre/poa_osm.pbf}")

if ! dpkg -s postgresql-15-pgrouting osm2pgrouting osmium-tool postgresql-15-postgis-3 >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting osm2pgrouting osmium-tool
fi

mkdir -p /tmp/siteselect-pgr
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; [ ${#AS[@]} -gt 0 ] && chown -R postgres /tmp/siteselect-pgr
  "${AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
fi
if ! "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l /tmp/siteselect-pgr/server.log -w start -o "\
 -c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=/tmp/siteselect-pgr \
 -c shared_buffers=1GB -c work_mem=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
fi
psql() { command psql -X -q -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS routing" -c "CREATE DATABASE routing"
psql -d routing -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION pgrouting"

OSM=/tmp/siteselect-pgr/extract.osm
osmium cat --overwrite "$EXTRACT" -o "$OSM"
osm2pgrouting --f "$OSM" --conf /usr/share/osm2pgrouting/mapconfig.xml --dbname routing \
  --username postgres --host 127.0.0.1 --port $PORT --clean >/tmp/siteselect-pgr/osm2pgrouting.log
psql -d routing -c "SELECT count(*) AS ways, (SELECT count(*) FROM ways_vertices_pgr) AS vertices FROM ways"
echo "pgRouting peer ready: postgresql://postgres@127.0.0.1:$PORT/routing"
