# shellcheck shell=bash
# Starting and stopping the packaged services (source it after common.sh): bin/catalog runs the system with these
# functions, bin/bench portal --catalog-size a namespaced copy of it. The caller declares
#   PORT      an associative array: service -> HTTP port (the portal's REST clients point at the others' ports),
#   RUN_DIR   where the pid files go, LOG_DIR where the logs go,
#   KEYS_FILE the API keys file (bin/lib/api-keys.sh),
# and may set SERVICE_DB (default BIC_DB, else bioimage), the database every service uses, and READY_SECONDS (120),
# how long wait_ready waits.

declare -A MODULE=([harvester]=harvester-service [catalog]=catalog-service [search]=search-service [reuse]=reuse-tracker-service [portal]=portal)

app_jar() { echo "$REPO/${MODULE[$1]}/target/quarkus-app/quarkus-run.jar"; }

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

ready() { curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$1]}/q/health/ready" 2>/dev/null; }

# What one service needs beyond the common options: the portal reads the four services' public API directly
# (not through the gateway, whose anonymous rate limit would count the portal's calls).
service_options() {
  [[ $1 == portal ]] || return 0
  local api
  for api in harvester catalog search reuse; do
    [[ -n ${PORT[$api]:-} ]] && printf -- '-Dquarkus.rest-client.%s.url=http://127.0.0.1:%s ' "$api" "${PORT[$api]}"
  done
  return 0
}

# start_service SERVICE [EXTRA-JVM-OPTIONS]: in the background, with the JVM options of DEFAULT_SERVICE_JAVA_OPTS
# (BIC_SERVICE_JAVA_OPTS overrides them), its pid in RUN_DIR/SERVICE.pid and its log in LOG_DIR/SERVICE.log.
start_service() {
  local s=$1 extra=${2:-} pidfile="$RUN_DIR/$1.pid"
  if pid_alive "$pidfile"; then log "$s already runs (pid $(cat "$pidfile"))"; return; fi
  log "starting $s on port ${PORT[$s]} (log: ${LOG_DIR#"$REPO"/}/$s.log)"
  # shellcheck disable=SC2086,SC2046  # the options are lists of words
  nohup java ${BIC_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS} \
    -Dquarkus.http.port="${PORT[$s]}" \
    -Dquarkus.datasource.jdbc.url="$BIC_JDBC_URL/${SERVICE_DB:-${BIC_DB:-bioimage}}" \
    -Dkafka.bootstrap.servers="$BIC_KAFKA_BOOTSTRAP" \
    -Dquarkus.elasticsearch.hosts="127.0.0.1:$BIC_ES_PORT" \
    -Dbic.security.keys-file="$KEYS_FILE" \
    $extra $(service_options "$s") \
    -Dbic.harvester.locations.allow-private-addresses="${BIC_HARVEST_ALLOW_PRIVATE:-true}" \
    -Dbic.harvester.locations.local-root="${BIC_HARVEST_LOCAL_ROOT:-/}" \
    -Dbic.harvester.locations.allow-any-url="${BIC_HARVEST_ANY_URL:-true}" \
    -jar "$(app_jar "$s")" >"$LOG_DIR/$s.log" 2>&1 &
  echo $! >"$pidfile"
}

wait_ready() {
  local s=$1 deadline=$((SECONDS + ${READY_SECONDS:-120}))
  until ready "$s"; do
    pid_alive "$RUN_DIR/$s.pid" || { tail -n 30 "$LOG_DIR/$s.log" >&2; die "$s stopped while starting; its log is above"; }
    ((SECONDS < deadline)) || { tail -n 30 "$LOG_DIR/$s.log" >&2; die "$s is not ready after ${READY_SECONDS:-120} s; its log is above"; }
    sleep 1
  done
  log "$s is ready"
}

# stop_service SERVICE: the process of its pid file (TERM, then KILL after 30 s); nothing when it does not run.
stop_service() {
  local s=$1 pidfile="$RUN_DIR/$1.pid"
  if pid_alive "$pidfile"; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 30); do pid_alive "$pidfile" || break; sleep 1; done
    pid_alive "$pidfile" && kill -9 "$(cat "$pidfile")"
    log "$s stopped"
  fi
  rm -f "$pidfile"
}
