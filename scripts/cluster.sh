#!/usr/bin/env bash
# A small Airflow cluster on 127.0.0.1 for `make test-distributed`: PostgreSQL (metadata DB) and
# Redis (Celery broker) from Debian's packages, a moto S3 server (the data directory), and
# Airflow 3's api-server, scheduler, dag-processor and two Celery workers.
#
#   scripts/cluster.sh start    install what is missing, start everything, wait until it is up
#   scripts/cluster.sh stop     stop what `start` started (by the pids it wrote), remove its state
#   scripts/cluster.sh env      print the environment a client of the running cluster needs
#
# Everything lives under $CLUSTER_DIR (by default one directory per checkout, so two checkouts on
# one host do not stop each other's cluster). Each port is a free one picked at start unless the
# variable below is set. Nothing listens on anything but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
VENV=$REPO/.venv
CLUSTER_DIR=${CLUSTER_DIR:-/tmp/newsfacts-cluster-$(printf %s "$REPO" | cksum | cut -d' ' -f1)}
PG_PORT=${PG_PORT:-}
REDIS_PORT=${REDIS_PORT:-}
S3_PORT=${S3_PORT:-}
API_PORT=${API_PORT:-}
SITE_PORT=${SITE_PORT:-}  # where scripts/check_cluster.py serves the sample site
LOG_PORT=${LOG_PORT:-}  # Airflow's log server; each worker gets its own port too
WORKER1_LOG_PORT=${WORKER1_LOG_PORT:-}
WORKER2_LOG_PORT=${WORKER2_LOG_PORT:-}
RUN=$CLUSTER_DIR/run
LOGS=$CLUSTER_DIR/logs

as_postgres() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

choose_ports() {  # give every port variable left empty a free port on 127.0.0.1
  local var ports
  local vars=(PG_PORT REDIS_PORT S3_PORT API_PORT SITE_PORT LOG_PORT WORKER1_LOG_PORT WORKER2_LOG_PORT)
  # all sockets are held open together, so the ports are distinct
  read -r -a ports < <("$VENV/bin/python" -c "import socket
socks = [socket.socket() for _ in range($(( ${#vars[@]} )))]
for s in socks:
    s.bind(('127.0.0.1', 0))
print(' '.join(str(s.getsockname()[1]) for s in socks))")
  local i=0
  for var in "${vars[@]}"; do
    [ -n "${!var}" ] || printf -v "$var" %s "${ports[$i]}"
    i=$((i + 1))
  done
}

write_env() {
  mkdir -p "$CLUSTER_DIR"
  local secret
  secret=$(cat "$CLUSTER_DIR/secret" 2>/dev/null || { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tee "$CLUSTER_DIR/secret"; })
  cat >"$CLUSTER_DIR/env" <<EOF
export AIRFLOW_HOME=$CLUSTER_DIR/airflow
export AIRFLOW__CORE__EXECUTOR=CeleryExecutor
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=postgresql+psycopg2://postgres@127.0.0.1:$PG_PORT/airflow
export AIRFLOW__CELERY__BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0
export AIRFLOW__CELERY__RESULT_BACKEND=db+postgresql+psycopg2://postgres@127.0.0.1:$PG_PORT/airflow
export AIRFLOW__CELERY__WORKER_CONCURRENCY=2
export AIRFLOW__CORE__DAGS_FOLDER=$REPO/dags
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=True
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL=http://127.0.0.1:$API_PORT/execution/
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS=True
export AIRFLOW__API__HOST=127.0.0.1
export AIRFLOW__API__PORT=$API_PORT
export AIRFLOW__API__BASE_URL=http://127.0.0.1:$API_PORT
export AIRFLOW__API__SECRET_KEY=$secret
export AIRFLOW__API_AUTH__JWT_SECRET=$secret
export AIRFLOW__LOGGING__LOGGING_LEVEL=INFO
export AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=$LOG_PORT
export AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC=2
export CLUSTER_DIR=$CLUSTER_DIR
export SITE_PORT=$SITE_PORT
export NEWSFACTS_FETCH_POOL=newsfacts_fetch
export NEWSFACTS_SOURCES=$CLUSTER_DIR/sources.toml
export NEWSFACTS_DATA_DIR=s3://newsfacts/cluster
export NEWSFACTS_API=http://127.0.0.1:$API_PORT
export AWS_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
export AWS_ACCESS_KEY_ID=testing
export AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1
EOF
}

wait_for() {  # wait_for NAME SECONDS COMMAND...
  local name=$1 limit=$2 i
  shift 2
  for ((i = 0; i < limit; i++)); do
    if "$@" >/dev/null 2>&1; then
      echo "cluster: $name up after ${i}s"
      return 0
    fi
    sleep 1
  done
  echo "cluster: $name did not come up in ${limit}s; logs in $LOGS" >&2
  tail -n 30 "$LOGS"/*.log >&2 || true
  return 1
}

daemon() {  # daemon NAME COMMAND...: run in the background, remember the pid
  local name=$1
  shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

install() {
  if [ -z "$(pg_bin)" ] || ! command -v redis-server >/dev/null; then
    echo "cluster: installing postgresql and redis-server (Debian packages)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql redis-server >/dev/null
  fi
  # the Celery provider, the Redis client and the PostgreSQL driver (the `distributed` group)
  "$VENV/bin/uv" sync --frozen --group distributed --quiet
}

start() {
  install
  mkdir -p "$RUN" "$LOGS"
  choose_ports
  write_env
  # shellcheck disable=SC1091
  source "$CLUSTER_DIR/env"
  local t0=$SECONDS

  # PostgreSQL: a throwaway cluster of our own, trust auth on 127.0.0.1 only
  local pgdata=$CLUSTER_DIR/pgdata bin
  bin=$(pg_bin)
  if [ ! -d "$pgdata" ]; then
    mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres: "$pgdata" "$LOGS" && chmod 777 "$LOGS"
    as_postgres "$bin/initdb" -D "$pgdata" -A trust -U postgres >"$LOGS/initdb.log"
  fi
  as_postgres "$bin/pg_ctl" -D "$pgdata" -l "$LOGS/postgres.log" -w start \
    -o "-p $PG_PORT -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null || {
    echo "cluster: PostgreSQL did not start on port $PG_PORT:" >&2
    tail -n 5 "$LOGS/postgres.log" >&2
    return 1
  }
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tc \
    "select 1 from pg_database where datname = 'airflow'" | grep -q 1 ||
    "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database airflow"

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log"
  daemon s3 "$VENV/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT"
  wait_for redis 30 redis-cli -p "$REDIS_PORT" ping
  wait_for s3 60 curl -sf "http://127.0.0.1:$S3_PORT/"
  # the bucket, and the sample sources file (the nightly DAG's default sources on this cluster)
  "$VENV/bin/python" -c "import pathlib, sys
from pipeline.demo import site as devserver
from pipeline.store import remote
remote.ensure_bucket(sys.argv[1])
pathlib.Path(sys.argv[2]).write_text(devserver.sources_for(sys.argv[3]))" \
    "$NEWSFACTS_DATA_DIR" "$NEWSFACTS_SOURCES" "http://127.0.0.1:$SITE_PORT"

  "$VENV/bin/airflow" db migrate >"$LOGS/migrate.log" 2>&1 || {
    echo "cluster: airflow db migrate failed:" >&2
    tail -n 5 "$LOGS/migrate.log" >&2
    return 1
  }
  "$VENV/bin/airflow" pools set newsfacts_fetch 1 \
    "fetch tasks at once over all workers (each fetches politely per host)" >/dev/null
  daemon api-server "$VENV/bin/airflow" api-server --host 127.0.0.1 --port "$API_PORT" --workers 1
  daemon scheduler "$VENV/bin/airflow" scheduler
  daemon dag-processor "$VENV/bin/airflow" dag-processor
  # two workers, each with its own log-server port (they share this host)
  AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=$WORKER1_LOG_PORT daemon worker1 \
    "$VENV/bin/airflow" celery worker --celery-hostname "worker1@%h" --concurrency 2
  AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=$WORKER2_LOG_PORT daemon worker2 \
    "$VENV/bin/airflow" celery worker --celery-hostname "worker2@%h" --concurrency 2
  wait_for api-server 180 curl -sf "http://127.0.0.1:$API_PORT/api/v2/monitor/health"
  echo "cluster: started in $((SECONDS - t0))s (logs in $LOGS)"
}

stop_pids() {  # TERM the process groups the pid files name, wait up to 30 s, then KILL
  local file pid i alive
  local pids=()
  for file in "$@"; do
    [ -f "$file" ] || continue
    pids+=("$(cat "$file")")
    rm -f "$file"
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 30; i++)); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 1
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  done
}

stop() {
  [ -d "$CLUSTER_DIR" ] || return 0
  # the workers first (a task still running is killed: this cluster is thrown away), then the rest
  stop_pids "$RUN/worker1.pid" "$RUN/worker2.pid" "$RUN/scheduler.pid"
  stop_pids "$RUN/dag-processor.pid" "$RUN/api-server.pid" "$RUN/s3.pid"
  [ -f "$RUN/redis.pid" ] && { kill "$(cat "$RUN/redis.pid")" 2>/dev/null || true; rm -f "$RUN/redis.pid"; }
  local bin
  bin=$(pg_bin)
  if [ -n "$bin" ] && [ -d "$CLUSTER_DIR/pgdata" ]; then
    as_postgres "$bin/pg_ctl" -D "$CLUSTER_DIR/pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "${KEEP_CLUSTER_LOGS:-}" ]; then
    rm -rf "$CLUSTER_DIR/pgdata" "$CLUSTER_DIR/airflow"
  else
    rm -rf "$CLUSTER_DIR"
  fi
  echo "cluster: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) cat "$CLUSTER_DIR/env" 2>/dev/null || { echo "cluster: not started ($CLUSTER_DIR)" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
