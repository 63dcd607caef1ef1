# Shared by the scripts of deploy/postgres (sourced, not run). Debian's postgresql-common layout:
# configuration in /etc/postgresql/<version>/<cluster>/, data where pg_createcluster put it.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
as_postgres() { runuser -u postgres -- "$@"; }
[ "$(id -u)" = 0 ] || die "run as root (the scripts act as the postgres user where needed)"

conf_dir() { echo "/etc/postgresql/$1/$2"; }
data_dir() { pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1 == v && $2 == c { print $6 }'; }
port_of() { pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1 == v && $2 == c { print $3 }'; }
cluster_exists() { [ -n "$(data_dir "$1" "$2")" ]; }

# The settings primary and standby share (a standby needs max_connections etc. at least the
# primary's, and archives once it is promoted). $4: listen addresses.
write_replication_conf() {
  local version=$1 cluster=$2 archive=$3 listen=$4
  cat >"$(conf_dir "$version" "$cluster")/conf.d/beian-replication.conf" <<CONF
# deploy/postgres: streaming replication, WAL archive, room for every node's pools.
listen_addresses = '$listen'
max_connections = 400
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = 256MB
wal_log_hints = on              # lets pg_rewind turn a failed primary into a standby
hot_standby = on
hot_standby_feedback = on
archive_mode = on               # the standby starts archiving when it is promoted
archive_timeout = 60            # at most a minute of changes only in the live WAL
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
CONF
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && return 0; sleep 0.5; done
  die "PostgreSQL on port $port did not become ready"
}
