#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (issue 21), listening on a Unix socket only.
#   scripts/pg_server.sh start DIR   initdb in DIR (created), start the server, create database
#                                    `secnlp_test`; prints its URL on stdout
#   scripts/pg_server.sh stop DIR    stop the server and remove DIR
# PostgreSQL refuses to run as root (CI runs as root): there the server runs as the
# unprivileged `postgres` user that Debian's package creates (or `nobody`), and DIR is given
# to that user. No TCP port is opened (listen_addresses = ''), so nothing outside the machine
# can reach it, and several servers can run at once in different folders.
set -euo pipefail
cmd=${1:?usage: pg_server.sh start|stop DIR}
dir=${2:?usage: pg_server.sh start|stop DIR}
bindir=""
for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && bindir=$d; done
if [[ -z $bindir ]]; then
  echo "pg_server: PostgreSQL server binaries not found (Debian package postgresql)" >&2
  exit 2
fi

as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || owner=nobody
  as_owner=(runuser -u "$owner" --)
fi

case $cmd in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ ${#as_owner[@]} -gt 0 ]]; then chown "$owner" "$dir"; fi
    "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U secnlp --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    "${as_owner[@]}" "$bindir/createdb" -h "$dir" -U secnlp secnlp_test
    echo "postgresql://secnlp@/secnlp_test?host=$dir"
    ;;
  stop)
    if [[ -d $dir/data ]]; then
      "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg_server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
