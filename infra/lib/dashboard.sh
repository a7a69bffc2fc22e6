# shellcheck shell=bash
# Trace viewer: the standalone Aspire dashboard from NuGet (no Docker). Needs common.sh.

COOP_DASHBOARD_VERSION=13.6.5
: "${COOP_DASHBOARD_DIR:=$COOP_DATA_DIR/tools/aspire-dashboard}"

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

# COOP_DASHBOARD_AUTH: "secured" (the default; what infra/run uses) or "unsecured" (infra/test: a
# private, loopback-only viewer the tests read without keys). Secured, the UI needs a browser
# token (sign in once with /login?t=TOKEN), OTLP exporters the header x-otlp-api-key and the
# telemetry API (/api/telemetry/...) the header x-api-key: recorded paths and logs name the
# requests of every State, so nobody else on the machine reads or feeds them. The three values
# are generated at every start into $COOP_DASHBOARD_SECRETS (mode 600: browser-token=,
# otlp-api-key=, api-key=).
: "${COOP_DASHBOARD_AUTH:=secured}"
: "${COOP_DASHBOARD_SECRETS:=$COOP_DATA_DIR/dashboard/secrets}"

# dashboard_secret NAME: browser-token, otlp-api-key or api-key of the running (or last) secured
# dashboard; nothing when unsecured or never started.
dashboard_secret() {
  [[ $COOP_DASHBOARD_AUTH == unsecured || ! -f $COOP_DASHBOARD_SECRETS ]] && return 0
  grep -m1 "^$1=" "$COOP_DASHBOARD_SECRETS" | cut -d= -f2- || true
}

# dashboard_otlp_headers: the OTEL_EXPORTER_OTLP_HEADERS value services need (empty when unsecured).
dashboard_otlp_headers() {
  local key; key=$(dashboard_secret otlp-api-key)
  [[ -n $key ]] && printf 'x-otlp-api-key=%s\n' "$key"
  return 0
}

# start_dashboard UI_PORT OTLP_GRPC_PORT OTLP_HTTP_PORT [LOG] [TIMEOUT]: starts the dashboard
# (loopback only; authentication per COOP_DASHBOARD_AUTH), tracked as process "dashboard".
start_dashboard() {
  local ui=$1 grpc=$2 http=$3 log=${4:-$COOP_DATA_DIR/logs/dashboard.log} timeout=${5:-30}
  ensure_dashboard
  coop_require_free_port "$ui" "Aspire dashboard UI"
  coop_require_free_port "$grpc" "Aspire dashboard OTLP/gRPC"
  coop_require_free_port "$http" "Aspire dashboard OTLP/HTTP"
  local auth=() ready_header=''
  case $COOP_DASHBOARD_AUTH in
    unsecured)
      auth=(DASHBOARD__FRONTEND__AUTHMODE=Unsecured DASHBOARD__OTLP__AUTHMODE=Unsecured DASHBOARD__API__AUTHMODE=Unsecured) ;;
    secured)
      mkdir -p "$(dirname "$COOP_DASHBOARD_SECRETS")"
      (umask 077; printf 'browser-token=%s\notlp-api-key=%s\napi-key=%s\n' \
        "$(coop_random 32)" "$(coop_random 32)" "$(coop_random 32)" >"$COOP_DASHBOARD_SECRETS")
      chmod 600 "$COOP_DASHBOARD_SECRETS"
      auth=(DASHBOARD__FRONTEND__AUTHMODE=BrowserToken
            "DASHBOARD__FRONTEND__BROWSERTOKEN=$(dashboard_secret browser-token)"
            DASHBOARD__OTLP__AUTHMODE=ApiKey
            "DASHBOARD__OTLP__PRIMARYAPIKEY=$(dashboard_secret otlp-api-key)"
            DASHBOARD__API__AUTHMODE=ApiKey
            "DASHBOARD__API__PRIMARYAPIKEY=$(dashboard_secret api-key)"
            # The token is printed by infra/run as a sign-in link, not by the dashboard into its log.
            ASPIRE_DASHBOARD_SUPPRESS_BROWSER_TOKEN_IN_OUTPUT=true)
      ready_header="x-api-key: $(dashboard_secret api-key)" ;;
    *) coop_die "COOP_DASHBOARD_AUTH must be secured or unsecured (got '$COOP_DASHBOARD_AUTH')" ;;
  esac
  local t0; t0=$(coop_now)
  coop_log "starting Aspire dashboard (UI 127.0.0.1:$ui, OTLP gRPC :$grpc, OTLP HTTP :$http, $COOP_DASHBOARD_AUTH)"
  coop_spawn dashboard "$log" env \
    ASPNETCORE_URLS="http://127.0.0.1:$ui" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$grpc" \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$http" \
    "${auth[@]}" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$COOP_DASHBOARD_DIR/Aspire.Dashboard"
  local pid=$COOP_LAST_PID end=$(( SECONDS + timeout ))
  until [[ $(coop_http_status /api/telemetry/traces "$ui" "$ready_header") == 200 ]]; do
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
