# shellcheck shell=bash
# Trace viewer: the standalone Aspire dashboard from NuGet (no Docker). Needs common.sh.

COOP_DASHBOARD_VERSION=13.6.5
: "${COOP_DASHBOARD_DIR:=$COOP_REPO_ROOT/.data/tools/aspire-dashboard}"

# ensure_dashboard: makes $COOP_DASHBOARD_DIR/Aspire.Dashboard exist, restoring
# infra/tools/tools.proj (a PackageDownload) and copying tools/ out of the NuGet cache.
ensure_dashboard() {
  local exe=$COOP_DASHBOARD_DIR/Aspire.Dashboard
  if [[ -x $exe && -f $COOP_DASHBOARD_DIR/.version ]] \
     && [[ $(cat "$COOP_DASHBOARD_DIR/.version") == "$COOP_DASHBOARD_VERSION" ]]; then
    return 0
  fi
  command -v dotnet >/dev/null || coop_die "dotnet (the .NET 10 SDK) is needed to fetch the Aspire dashboard"
  coop_log "fetching Aspire.Dashboard.Sdk.linux-x64 $COOP_DASHBOARD_VERSION (dotnet restore infra/tools/tools.proj)"
  dotnet restore "$COOP_REPO_ROOT/infra/tools/tools.proj" --nologo -v q >/dev/null \
    || coop_die "dotnet restore infra/tools/tools.proj failed (is NuGet reachable?)"
  local cache
  cache=$(dotnet nuget locals global-packages -l | sed -n 's/^global-packages: *//p')
  cache=${cache%/}
  local src=$cache/aspire.dashboard.sdk.linux-x64/$COOP_DASHBOARD_VERSION/tools
  [[ -f $src/Aspire.Dashboard ]] || coop_die "Aspire.Dashboard not found in $src after restore"
  rm -rf "$COOP_DASHBOARD_DIR"
  mkdir -p "$COOP_DASHBOARD_DIR"
  cp -R "$src/." "$COOP_DASHBOARD_DIR/"
  chmod 755 "$exe"
  printf '%s\n' "$COOP_DASHBOARD_VERSION" >"$COOP_DASHBOARD_DIR/.version"
}

# start_dashboard UI_PORT OTLP_GRPC_PORT OTLP_HTTP_PORT [LOG] [TIMEOUT]: starts the dashboard
# (loopback only, unsecured: local use only), tracked as process "dashboard".
start_dashboard() {
  local ui=$1 grpc=$2 http=$3 log=${4:-$COOP_REPO_ROOT/.data/logs/dashboard.log} timeout=${5:-30}
  ensure_dashboard
  coop_require_free_port "$ui" "Aspire dashboard UI"
  coop_require_free_port "$grpc" "Aspire dashboard OTLP/gRPC"
  coop_require_free_port "$http" "Aspire dashboard OTLP/HTTP"
  local t0; t0=$(coop_now)
  coop_log "starting Aspire dashboard (UI 127.0.0.1:$ui, OTLP gRPC :$grpc, OTLP HTTP :$http)"
  coop_spawn dashboard "$log" env \
    ASPNETCORE_URLS="http://127.0.0.1:$ui" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$grpc" \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$http" \
    DASHBOARD__FRONTEND__AUTHMODE=Unsecured \
    DASHBOARD__OTLP__AUTHMODE=Unsecured \
    DASHBOARD__API__AUTHMODE=Unsecured \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$COOP_DASHBOARD_DIR/Aspire.Dashboard"
  local pid=$COOP_LAST_PID end=$(( SECONDS + timeout ))
  until [[ $(coop_http_status /api/telemetry/traces "$ui") == 200 ]]; do
    if ! coop_alive "$pid"; then
      coop_tail "$log" 30; coop_stop dashboard
      coop_die "the Aspire dashboard exited during start (log: $log)"
    fi
    if (( SECONDS >= end )); then
      coop_tail "$log" 30; coop_stop dashboard
      coop_die "the Aspire dashboard did not answer on 127.0.0.1:$ui within ${timeout}s (log: $log)"
    fi
    sleep 0.2
  done
  coop_wait_port "$grpc" 5 || coop_die "the Aspire dashboard does not listen on OTLP/gRPC port $grpc"
  coop_log "Aspire dashboard ready in $(coop_since "$t0")s"
}

stop_dashboard() { coop_stop dashboard 10; }
