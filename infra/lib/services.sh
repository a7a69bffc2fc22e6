# shellcheck shell=bash
# The platform's own processes: their list, their environment (the contract with the C#
# code), launch from build output, health wait. Needs common.sh, broker.sh and dashboard.sh.
#
# Inputs (all have defaults; infra/run and infra/test set them):
#   COOP_STATES            "UGA ZAF NLD"
#   COOP_CONFIGURATION     Debug
#   COOP_BROKER_HOST/PORT  127.0.0.1 / 5680
#   COOP_BROKER_SECRETS    secrets file (KEY=VALUE: registry=, prosecutor=, state-uga=, ...)
#   COOP_OTLP_ENDPOINT     http://127.0.0.1:18889
#   COOP_DB_DIR            $COOP_DATA_DIR/db
#   COOP_LOG_DIR           $COOP_DATA_DIR/logs
#   COOP_GATEWAY_PORT 5080, COOP_REGISTRY_PORT 5101, COOP_PROSECUTOR_PORT 5102, COOP_ASSEMBLY_PORT 5103,
#   COOP_STATE_BASE_PORT 5111 (the n-th State of COOP_STATES gets base + n - 1)

coop_services_defaults() {
  : "${COOP_STATES:=UGA ZAF NLD}"
  : "${COOP_CONFIGURATION:=Debug}"
  : "${COOP_BROKER_HOST:=127.0.0.1}"
  : "${COOP_BROKER_PORT:=5680}"
  : "${COOP_BROKER_VHOST:=/}"
  : "${COOP_BROKER_SECRETS:=$COOP_DATA_DIR/broker/secrets}"
  : "${COOP_OTLP_ENDPOINT:=http://127.0.0.1:18889}"
  : "${COOP_DB_DIR:=$COOP_DATA_DIR/db}"
  : "${COOP_LOG_DIR:=$COOP_DATA_DIR/logs}"
  : "${COOP_KEYS_DIR:=$COOP_DATA_DIR/keys}"
  : "${COOP_CLIENT_SECRETS:=$COOP_DATA_DIR/identity/client-secrets}"
  : "${COOP_GATEWAY_PORT:=5080}"
  : "${COOP_REGISTRY_PORT:=5101}"
  : "${COOP_PROSECUTOR_PORT:=5102}"
  : "${COOP_ASSEMBLY_PORT:=5103}"
  : "${COOP_STATE_BASE_PORT:=5111}"
  : "${COOP_CONSOLE_PORT:=5090}"
  : "${COOP_PEOPLE_SECRETS:=$COOP_DATA_DIR/identity/people}"
  # Hosted State nodes (issue 11): how many State nodes one State process hosts (1: a process per State).
  : "${COOP_STATES_PER_PROCESS:=1}"
  COOP_STATES=$(tr 'a-z' 'A-Z' <<<"$COOP_STATES")
}

# coop_services: prints one line per process, in start order:
#   NAME PORT PROJECT_DIR ASSEMBLY [STATE_CODE]
# e.g. "state-uga 5111 services/State Cooperation.State UGA"
coop_services() {
  coop_services_defaults
  local i=0 code
  printf 'registry %s services/Registry Cooperation.Registry\n' "$COOP_REGISTRY_PORT"
  printf 'prosecutor %s services/Prosecutor Cooperation.Prosecutor\n' "$COOP_PROSECUTOR_PORT"
  # The Assembly of States Parties' service (its Secretariat, for the President and the Bureau): issue 9.
  printf 'assembly %s services/Assembly Cooperation.Assembly\n' "$COOP_ASSEMBLY_PORT"
  for code in $COOP_STATES; do
    printf '%s %s services/State Cooperation.State %s\n' \
      "state-${code,,}" "$(( COOP_STATE_BASE_PORT + i ))" "$code"
    i=$(( i + 1 ))
  done
  # The web consoles (issue 10), behind the gateway at /console/.
  printf 'console %s gateway/Consoles Cooperation.Consoles\n' "$COOP_CONSOLE_PORT"
  printf 'gateway %s gateway/Gateway Cooperation.Gateway\n' "$COOP_GATEWAY_PORT"
}

# coop_service_env NAME: prints the environment of service NAME, one KEY=VALUE per line.
# This is the configuration contract with the C# code (see infra/README.md).
coop_service_env() {
  local want=$1 name port dir asm code found=0
  while read -r name port dir asm code; do
    [[ $name == "$want" ]] && { found=1; break; }
  done <<<"$(coop_services)"
  (( found )) || coop_die "unknown service '$want'"
  printf '%s\n' \
    "ASPNETCORE_URLS=http://127.0.0.1:$port" \
    "ASPNETCORE_ENVIRONMENT=Development" \
    "OTEL_EXPORTER_OTLP_ENDPOINT=$COOP_OTLP_ENDPOINT" \
    "OTEL_SERVICE_NAME=$name" \
    "OTEL_METRIC_EXPORT_INTERVAL=15000" \
    "Database__Provider=Sqlite" \
    "Database__ConnectionString=Data Source=$COOP_DB_DIR/$name.db"
  # A secured trace viewer (infra/run) takes telemetry only with its OTLP key.
  local otlp_headers; otlp_headers=$(dashboard_otlp_headers)
  [[ -n $otlp_headers ]] && printf 'OTEL_EXPORTER_OTLP_HEADERS=%s\n' "$otlp_headers"
  if [[ $name != gateway && $name != console ]]; then
    printf '%s\n' \
      "Broker__Host=$COOP_BROKER_HOST" \
      "Broker__Port=$COOP_BROKER_PORT" \
      "Broker__VirtualHost=$( [[ -n ${code:-} ]] && broker_state_name "$code" || printf '%s' "$COOP_BROKER_VHOST")" \
      "Broker__Username=$name" \
      "Broker__Password=$(broker_secret "$COOP_BROKER_SECRETS" "$name")"
  fi
  [[ -n ${code:-} ]] && printf 'State__Code=%s\n' "$code"
  if [[ $name == console ]]; then
    # The consoles reach the platform only through the gateway, with each person's token.
    printf '%s\n' "Console__Gateway=http://127.0.0.1:$COOP_GATEWAY_PORT/" "Console__ClientSecret=$(coop_client_secret console)"
  fi
  # The sandbox State answers by itself through the gateway with its own partner client (issue 14); it
  # runs only outside a production profile, so its node is started as Development (as every node here).
  if [[ -n ${code:-} && $code == "${COOP_SANDBOX_STATE:-}" ]]; then
    printf '%s\n' \
      "Sandbox__Enabled=true" \
      "Sandbox__ClientId=$(broker_state_name "$code")-cms" \
      "Sandbox__ClientSecret=$(coop_client_secret "$(broker_state_name "$code")-cms")" \
      "Sandbox__AcknowledgeAfter=${COOP_SANDBOX_ACKNOWLEDGE_AFTER:-00:00:05}" \
      "Sandbox__Answer=${COOP_SANDBOX_ANSWER:-Execute}" \
      "Sandbox__ConsultationGround=${COOP_SANDBOX_CONSULTATION_GROUND:-InsufficientInformation}" \
      "Sandbox__DenialGround=${COOP_SANDBOX_DENIAL_GROUND:-NationalSecurity}"
  fi
  if [[ $name != gateway && $name != console ]]; then
    # Every service checks the partner's token again, against the gateway's signing keys.
    printf '%s\n' "Auth__Authority=http://127.0.0.1:$COOP_GATEWAY_PORT/"
  fi
  if [[ $name == registry || $name == prosecutor ]]; then
    printf 'Register__States=%s\n' "$(tr ' ' ',' <<<"$COOP_STATES")"
  fi
  # The Assembly has one inbound queue per State (assembly.from-state-xxx) for the States' views.
  if [[ $name == assembly ]]; then
    printf 'Assembly__States=%s\n' "$(tr ' ' ',' <<<"$COOP_STATES")"
  fi
  coop_service_extra_env
  if [[ $name == gateway ]]; then
    printf '%s\n' \
      "Identity__Issuer=http://127.0.0.1:$COOP_GATEWAY_PORT/" \
      "Identity__SigningKeyPath=$COOP_KEYS_DIR/gateway-signing.pem"
    local i=0 client scopes
    while read -r client scopes; do
      printf '%s\n' \
        "Identity__Clients__${i}__ClientId=$client" \
        "Identity__Clients__${i}__Secret=$(coop_client_secret "$client")" \
        "Identity__Clients__${i}__Scopes=$scopes"
      i=$(( i + 1 ))
    done <<<"$(coop_partner_clients)"
    # The consoles' client: authorization code + PKCE for people, no scope of its own.
    printf '%s\n' \
      "Identity__Clients__${i}__ClientId=console" \
      "Identity__Clients__${i}__Secret=$(coop_client_secret console)" \
      "Identity__Clients__${i}__RedirectUris__0=http://127.0.0.1:$COOP_GATEWAY_PORT/console/signin-gateway" \
      "Identity__Clients__${i}__PostLogoutRedirectUris__0=http://127.0.0.1:$COOP_GATEWAY_PORT/console/signed-out"
    local j=0 user desk zone
    while read -r user desk zone; do
      printf '%s\n' \
        "Identity__People__${j}__UserName=$user" \
        "Identity__People__${j}__Password=$(broker_secret "$COOP_PEOPLE_SECRETS" "$user")" \
        "Identity__People__${j}__DisplayName=$user" \
        "Identity__People__${j}__Desk=$desk" \
        "Identity__People__${j}__TimeZone=$zone"
      j=$(( j + 1 ))
    done <<<"$(coop_demo_people)"
    local n p d a c
    while read -r n p d a c; do
      [[ $n == gateway ]] && continue
      if [[ -n ${c:-} ]]; then
        # A cluster and three routes per State: adding a State is configuration, not code. Its API
        # document needs the State's own token (policy state), so strangers cannot list the States.
        printf '%s\n' \
          "ReverseProxy__Routes__state-${c}__ClusterId=state-$c" \
          "ReverseProxy__Routes__state-${c}__AuthorizationPolicy=state" \
          "ReverseProxy__Routes__state-${c}__Match__Path=/states/$c/{**rest}" \
          "ReverseProxy__Routes__state-${c}-docs__ClusterId=state-$c" \
          "ReverseProxy__Routes__state-${c}-docs__AuthorizationPolicy=state" \
          "ReverseProxy__Routes__state-${c}-docs__Match__Path=/docs/states/$c/openapi.json" \
          "ReverseProxy__Routes__state-${c}-docs__Transforms__0__PathSet=/openapi/v1.json" \
          "ReverseProxy__Routes__state-${c}-operations__ClusterId=state-$c" \
          "ReverseProxy__Routes__state-${c}-operations__AuthorizationPolicy=operator" \
          "ReverseProxy__Routes__state-${c}-operations__Match__Path=/operations/states/$c/{**rest}" \
          "ReverseProxy__Routes__state-${c}-operations__Transforms__0__PathPattern=/operations/{**rest}" \
          "ReverseProxy__Clusters__state-${c}__Destinations__primary__Address=http://127.0.0.1:$p/"
      else
        printf '%s\n' "ReverseProxy__Clusters__${n}__Destinations__primary__Address=http://127.0.0.1:$p/"
      fi
    done <<<"$(coop_services)"
  fi
}

# coop_service_extra_env: COOP_SERVICE_EXTRA_ENV's KEY=VALUE words, given to every service after its own
# (bench/run raises the per-client rate limits with it, which a load test would otherwise hit).
coop_service_extra_env() {
  local kv
  for kv in ${COOP_SERVICE_EXTRA_ENV:-}; do printf '%s\n' "$kv"; done
}

# coop_partner_clients: the demo partner systems, one per line: CLIENT_ID SCOPES.
coop_partner_clients() {
  printf '%s\n' "registry-desk registry" "prosecutor-desk prosecutor" "operator operator" "public-reader public"
  # The Assembly's Secretariat (for the Presidency/Bureau) and a regional focal point on non-cooperation.
  printf '%s\n' "assembly-secretariat assembly" "focal-point-africa focal-point"
  local code
  for code in $COOP_STATES; do
    printf '%s-cms state:%s\n' "$(broker_state_name "$code")" "$code"
  done
}

# coop_demo_people: the people who sign in to the consoles, one per desk: USER DESK TIME_ZONE.
# Their passwords are generated into $COOP_PEOPLE_SECRETS (mode 600) and stored hashed by the gateway.
coop_demo_people() {
  printf '%s\n' "registry-officer registry Europe/Amsterdam" "otp-adviser prosecutor Europe/Amsterdam" \
    "assembly-focal-point focal-point America/New_York" "assembly-presidency assembly Europe/Amsterdam" "operator operator UTC"
  local code zone
  for code in $COOP_STATES; do
    case $code in
      UGA) zone=Africa/Kampala ;; ZAF) zone=Africa/Johannesburg ;; NLD) zone=Europe/Amsterdam ;; *) zone=UTC ;;
    esac
    printf 'clerk-%s state:%s %s\n' "$(tr 'A-Z' 'a-z' <<<"$code")" "$code" "$zone"
  done
}

# coop_client_secret CLIENT_ID: its generated secret (kept in $COOP_CLIENT_SECRETS, mode 600).
coop_client_secret() { broker_secret "$COOP_CLIENT_SECRETS" "$1"; }

# coop_service_dll NAME: the build output the process runs.
coop_service_dll() {
  local want=$1 name port dir asm code
  while read -r name port dir asm code; do
    if [[ $name == "$want" ]]; then
      printf '%s/%s/bin/%s/net10.0/%s.dll\n' "$COOP_REPO_ROOT" "$dir" "$COOP_CONFIGURATION" "$asm"
      return 0
    fi
  done <<<"$(coop_services)"
  return 1
}

# coop_check_service_ports: exits naming the port and the service if one is taken.
coop_check_service_ports() {
  local name port rest
  while read -r name port rest; do
    coop_require_free_port "$port" "$name service"
  done <<<"$(coop_services)"
}

# start_services: launches every service (dotnet <dll>, working directory = its build
# output so appsettings*.json are found), each tracked by pid file, logging to
# $COOP_LOG_DIR/<name>.log.
start_services() {
  coop_services_defaults
  mkdir -p "$COOP_DB_DIR" "$COOP_LOG_DIR"
  local name port rest
  while read -r name port rest; do start_service "$name" "$port"; done <<<"$(coop_services)"
}

# coop_state_host_members NAME: the State nodes hosted in the same process as State NAME (its group of
# COOP_STATES_PER_PROCESS consecutive States of COOP_STATES), first the one whose name the process runs
# under; prints nothing when NAME runs alone.
coop_state_host_members() {
  coop_services_defaults
  (( COOP_STATES_PER_PROCESS > 1 )) || return 0
  local want=$1 codes group=() i=0 code found=0
  read -ra codes <<<"$COOP_STATES"
  for code in "${codes[@]}"; do
    group+=("state-${code,,}")
    [[ ${group[-1]} == "$want" ]] && found=1
    i=$(( i + 1 ))
    if (( i % COOP_STATES_PER_PROCESS == 0 || i == ${#codes[@]} )); then
      if (( found )); then
        (( ${#group[@]} > 1 )) && printf '%s\n' "${group[@]}"
        return 0
      fi
      group=()
    fi
  done
}

# start_state_host NAME: NAME's State process, hosting every node of its group (services/State/Hosting):
# the first node's environment, and each node's own as StateHost__Nodes__<i>__<KEY>. Every node's pid file
# names the one process (the supervisor restarts it once, whichever node it notices first); their logs
# are the process's log.
start_state_host() {
  local name=$1 members leader dll env_lines=() i=0 member line
  mapfile -t members < <(coop_state_host_members "$name")
  leader=${members[0]}
  if coop_group_alive "$(coop_pid_of "$leader" || true)"; then
    printf '%s\n' "$(coop_pid_of "$leader")" >"$COOP_RUN_DIR/$name.pid"
    return 0
  fi
  dll=$(coop_service_dll "$leader")
  [[ -f $dll ]] || coop_die "$dll is missing: build the solution first (dotnet build Platform.sln -c $COOP_CONFIGURATION)"
  mapfile -t env_lines < <(coop_service_env "$leader")
  for member in "${members[@]}"; do
    while IFS= read -r line; do env_lines+=("StateHost__Nodes__${i}__$line"); done < <(coop_service_env "$member")
    i=$(( i + 1 ))
  done
  coop_log "starting $leader hosting ${#members[@]} State nodes (${members[*]})"
  coop_spawn "$leader" "$COOP_LOG_DIR/$leader.log" \
    env -C "$(dirname "$dll")" "${env_lines[@]}" DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet "$dll"
  for member in "${members[@]:1}"; do
    printf '%s\n' "$COOP_LAST_PID" >"$COOP_RUN_DIR/$member.pid"
    grep -qx "$member" "$COOP_RUN_DIR/order" 2>/dev/null || printf '%s\n' "$member" >>"$COOP_RUN_DIR/order"
    ln -sfn "$leader.log" "$COOP_LOG_DIR/$member.log"
  done
}

# start_service NAME PORT: launches one service from its build output (also how the supervisor in
# infra/run restarts one that died).
start_service() {
  local name=$1 port=$2 dll env_lines
  if [[ -n $(coop_state_host_members "$name") ]]; then start_state_host "$name"; return; fi
  dll=$(coop_service_dll "$name")
  [[ -f $dll ]] || coop_die "$dll is missing: build the solution first (dotnet build Platform.sln -c $COOP_CONFIGURATION)"
  mapfile -t env_lines < <(coop_service_env "$name")
  coop_log "starting $name on http://127.0.0.1:$port"
  coop_spawn "$name" "$COOP_LOG_DIR/$name.log" \
    env -C "$(dirname "$dll")" "${env_lines[@]}" DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet "$dll"
}

# coop_supervise: infra/run's foreground loop (issue 12). A service that exits (crash, kill -9, out of
# memory) is started again after a capped backoff: 1 s, doubling, at most COOP_RESTART_MAX_DELAY (30 s);
# the backoff starts over once it has run for 60 s. Each exit is said in one line (name, exit code, log)
# with the tail of its log. Every service must be a child of the calling shell (its exit code comes from
# wait). Returns 0 when the run is stopped from elsewhere (infra/run down: $COOP_RUN_DIR/stopping).
coop_supervise() {
  : "${COOP_RESTART_MAX_DELAY:=30}"
  local name port rest pid rc d
  local -A delay=() restart_at=() started_at=() restarts=()
  while :; do
    sleep 1
    if [[ -f $COOP_RUN_DIR/stopping || ! -f $COOP_RUN_DIR/order ]]; then
      coop_log "stopped from elsewhere (infra/run down)"; return 0
    fi
    while read -r name port rest; do
      pid=$(coop_pid_of "$name" || true)
      if [[ -z ${restart_at[$name]:-} ]]; then
        if coop_group_alive "$pid"; then
          (( SECONDS - ${started_at[$name]:-0} >= 60 )) && delay[$name]=1
          continue
        fi
        rc=0; wait "$pid" 2>/dev/null || rc=$?   # each service is this shell's child: its exit code
        d=${delay[$name]:-1}
        coop_log "supervisor: $name exited with code $rc (log $COOP_LOG_DIR/$name.log); restarting it in ${d}s"
        coop_tail "$COOP_LOG_DIR/$name.log" 20
        restart_at[$name]=$(( SECONDS + d ))
        delay[$name]=$(( d * 2 > COOP_RESTART_MAX_DELAY ? COOP_RESTART_MAX_DELAY : d * 2 ))
      elif (( SECONDS >= ${restart_at[$name]} )); then
        unset "restart_at[$name]"
        restarts[$name]=$(( ${restarts[$name]:-0} + 1 ))
        start_service "$name" "$port"
        started_at[$name]=$SECONDS
        coop_log "supervisor: restarted $name (restart ${restarts[$name]}; pid $(coop_pid_of "$name"))"
      fi
    done <<<"$(coop_services)"
  done
}

# wait_services_healthy TIMEOUT: waits until every service answers GET /health with 200.
# On failure prints which one, the tail of its log, and returns 1.
wait_services_healthy() {
  local timeout=${1:-90} end=$(( SECONDS + ${1:-90} )) t0 name port rest pending
  t0=$(coop_now)
  while :; do
    pending=()
    while read -r name port rest; do
      if ! coop_group_alive "$(coop_pid_of "$name")"; then
        coop_log "$name exited during start"
        coop_tail "$COOP_LOG_DIR/$name.log" 40
        return 1
      fi
      [[ $(coop_http_status /health "$port") == 200 ]] || pending+=("$name:$port")
    done <<<"$(coop_services)"
    (( ${#pending[@]} == 0 )) && break
    if (( SECONDS >= end )); then
      local p
      for p in "${pending[@]}"; do
        coop_log "${p%%:*} did not answer GET http://127.0.0.1:${p#*:}/health with 200 within ${timeout}s"
        coop_tail "$COOP_LOG_DIR/${p%%:*}.log" 30
      done
      return 1
    fi
    sleep 0.5
  done
  coop_log "all services healthy in $(coop_since "$t0")s"
}

# coop_print_run_summary SECONDS EXTERNAL_BROKER(0|1): what infra/run prints once everything is
# healthy (to stderr). It says where the credentials are, never their values (this output ends up
# in scrollback and CI logs); the trace viewer's sign-in link is the exception: its token is new at
# every start and dies with the run.
coop_print_run_summary() {
  local seconds=$1 external=$2 name port rest
  {
    echo
    echo "Cooperation Platform is running (started in ${seconds}s)"
    echo "  gateway:            http://127.0.0.1:$COOP_GATEWAY_PORT/"
    echo "  trace viewer:       http://127.0.0.1:$COOP_DASHBOARD_PORT/login?t=$(dashboard_secret browser-token)"
    echo "                      (sign-in link; OTLP gRPC $COOP_OTLP_ENDPOINT; OTLP and API keys in $COOP_DASHBOARD_SECRETS)"
    if (( external )); then
      echo "  broker:             amqp://$COOP_BROKER_HOST:$COOP_BROKER_PORT (external)"
    else
      echo "  broker management:  http://127.0.0.1:$COOP_BROKER_MANAGEMENT_PORT/  user admin, password: the admin= line of $COOP_BROKER_SECRETS"
      echo "  broker AMQP:        amqp://127.0.0.1:$COOP_BROKER_PORT/"
    fi
    echo "  broker credentials: $COOP_BROKER_SECRETS"
    while read -r name port rest; do
      printf '  %-19s http://127.0.0.1:%s/  (log %s)\n' "$name:" "$port" "$COOP_LOG_DIR/$name.log"
    done <<<"$(coop_services)"
    echo
    echo "Partner credentials (demo, generated; one client per partner system): $COOP_CLIENT_SECRETS"
    echo "  e.g. the Registry's desk:  curl -s -d grant_type=client_credentials -d client_id=registry-desk \\"
    echo "         -d client_secret=\$(grep ^registry-desk= $COOP_CLIENT_SECRETS | cut -d= -f2) http://127.0.0.1:$COOP_GATEWAY_PORT/connect/token"
    echo "  then: curl -H \"Authorization: Bearer <access_token>\" http://127.0.0.1:$COOP_GATEWAY_PORT/registry/requests"
    echo "  API reference: http://127.0.0.1:$COOP_GATEWAY_PORT/docs (obtain a token on the page, then Test Request)"
    if [[ -n ${COOP_SANDBOX_STATE:-} ]]; then
      echo "  SANDBOX State $COOP_SANDBOX_STATE (not a real State): answers every request by itself (${COOP_SANDBOX_ANSWER:-Execute}"
      echo "         after ${COOP_SANDBOX_ACKNOWLEDGE_AFTER:-00:00:05}); send requests to stateCode $COOP_SANDBOX_STATE (client $(broker_state_name "$COOP_SANDBOX_STATE")-cms)"
    fi
    echo "  the Assembly (issue 9): client assembly-secretariat (Presidency/Bureau), focal-point-africa (a regional focal point);"
    echo "         their routes: http://127.0.0.1:$COOP_GATEWAY_PORT/assembly/cases (README, \"The Assembly's side\")"
    echo
    echo "Consoles (issue 10): http://127.0.0.1:$COOP_GATEWAY_PORT/console/  (sign in as one of the demo people below)"
    local user desk zone
    while read -r user desk zone; do
      printf '  %-22s desk %-12s %s\n' "$user" "$desk" "$zone"
    done <<<"$(coop_demo_people)"
    echo "  their passwords (generated): $COOP_PEOPLE_SECRETS, e.g. grep ^registry-officer= $COOP_PEOPLE_SECRETS | cut -d= -f2"
    echo
    echo "Ctrl-C to stop (or: infra/run down)"
  } >&2
}
