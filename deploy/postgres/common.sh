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

# Optional, from BEIAN_PG_SHARED_BUFFERS_MB (about a quarter of the host's memory, e.g. 6144): shared_buffers on 2 MB huge
# pages. Without them every backend faults in each 4 KB page of the buffers it first touches: a new connection's first read
# of 38,000 sites took 1.58 s instead of 0.37 s (README, "Huge pages for PostgreSQL"). huge_pages = try: a host that cannot
# reserve them still starts, on normal pages.
write_memory_conf() {
  local version=$1 cluster=$2 mb=${BEIAN_PG_SHARED_BUFFERS_MB:-}
  [ -n "$mb" ] || return 0
  [[ "$mb" =~ ^[0-9]+$ ]] || die "BEIAN_PG_SHARED_BUFFERS_MB must be a number of megabytes"
  # The buffers' pages, and 5 % and 64 more for the rest of PostgreSQL's shared memory.
  local pages=$(( mb / 2 + mb / 40 + 64 ))
  echo "vm.nr_hugepages = $pages" >/etc/sysctl.d/60-beian-postgres.conf
  sysctl -q -w "vm.nr_hugepages=$pages" || echo "warning: could not reserve $pages huge pages; PostgreSQL falls back to normal pages" >&2
  cat >"$(conf_dir "$version" "$cluster")/conf.d/beian-memory.conf" <<CONF
# deploy/postgres: the buffers on huge pages ($pages reserved in /etc/sysctl.d/60-beian-postgres.conf).
shared_buffers = ${mb}MB
huge_pages = try
CONF
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && return 0; sleep 0.5; done
  die "PostgreSQL on port $port did not become ready"
}
