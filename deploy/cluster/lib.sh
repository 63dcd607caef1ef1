# Shared by deploy/cluster/{up,down,ctl,test} (sourced). Everything the cluster starts lives under
# one state directory: PostgreSQL data, the WAL archive, s3rver's files, logs and pid files.
set -euo pipefail

cluster_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy_dir="$(dirname "$cluster_dir")"
repo_root="$(dirname "$deploy_dir")"

STATE=${BEIAN_CLUSTER_DIR:-/tmp/beian-cluster}
PROXY_PORT=${BEIAN_CLUSTER_PROXY_PORT:-5100}
WEB_PORTS=(5101 5102 5103)
S3_PORT=${BEIAN_CLUSTER_S3_PORT:-5190}
S3_BUCKET=beian-files
PG_PRIMARY_PORT=55432
PG_STANDBY_PORT=55433
PG_RESTORE_PORT=55434
PG_PRIMARY=beian-primary
PG_STANDBY=beian-standby
PG_RESTORE=beian-restore
DB_PASSWORD=beian
export BEIAN_DB_PASSWORD=$DB_PASSWORD BEIAN_REPLICATION_PASSWORD=replicate
S3RVER=${BEIAN_S3RVER:-/opt/s3rver/node_modules/.bin/s3rver}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "error: $*" >&2; exit 1; }

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1; }
pg_exists() { pg_lsclusters -h 2>/dev/null | awk -v c="$1" '$2 == c { found = 1 } END { exit !found }'; }

pid_alive() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

# Stops the process of pid file $1 (TERM, then KILL after $2 seconds) and removes the file.
stop_pid() {
  local name=$1 grace=${2:-10} pid
  [ -f "$STATE/$name.pid" ] || return 0
  pid=$(cat "$STATE/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE/$name.pid"
}

# Waits until URL $1 answers 200 (within $2 seconds).
wait_http() {
  local url=$1 seconds=${2:-60}
  for _ in $(seq 1 $((seconds * 4))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ] && return 0
    sleep 0.25
  done
  return 1
}

connection_string() { # $1: hosts, $2: target session attributes
  echo "Host=$1;Database=beian;Username=beian;Password=$DB_PASSWORD;Target Session Attributes=$2;Timeout=3;Command Timeout=30;Host Recheck Seconds=1;Maximum Pool Size=40;SSL Mode=Disable"
}

# Starts web node $1 (1..3) from the published app with the cluster's settings.
start_node() {
  local n=$1 port=${WEB_PORTS[$(($1 - 1))]}
  pid_alive "web$n" && return 0
  (
    set -a
    # shellcheck disable=SC1091
    source "$STATE/web.env"
    set +a
    cd "$STATE/app"
    exec setsid dotnet Beian.Web.dll --urls "http://127.0.0.1:$port" >>"$STATE/logs/web$n.log" 2>&1
  ) &
  echo $! >"$STATE/web$n.pid"
}

node_url() { echo "http://127.0.0.1:${WEB_PORTS[$(($1 - 1))]}"; }

start_s3() {
  pid_alive s3rver && return 0
  mkdir -p "$STATE/s3"
  setsid "$S3RVER" --directory "$STATE/s3" --address 127.0.0.1 --port "$S3_PORT" --configure-bucket "$S3_BUCKET" \
    >>"$STATE/logs/s3rver.log" 2>&1 &
  echo $! >"$STATE/s3rver.pid"
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$S3_PORT/" && return 0
    sleep 0.25
  done
  die "s3rver did not answer on 127.0.0.1:$S3_PORT (see $STATE/logs/s3rver.log)"
}
