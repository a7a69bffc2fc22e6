# shellcheck shell=bash
# Shared helpers for infra/run and infra/test: logging, ports, process tracking, apt.
# Source it; it defines functions only (plus COOP_REPO_ROOT if unset).

: "${COOP_REPO_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${COOP_DATA_DIR:=$COOP_REPO_ROOT/.data}"   # what a run keeps (infra/run)

coop_log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
coop_die()  { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }
coop_now()  { date +%s.%N; }
coop_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# --- apt ---------------------------------------------------------------------------
# coop_apt_install PKG...: installs missing Debian packages; apt-get update only if the
# package is unknown to the local lists. Fails with the exact command when not root.
coop_apt_install() {
  local pkgs=("$@")
  if [[ $(id -u) -ne 0 ]]; then
    coop_die "missing Debian package(s): ${pkgs[*]}; install them as root: apt-get update && apt-get install -y ${pkgs[*]}"
  fi
  local p need_update=0
  for p in "${pkgs[@]}"; do
    apt-cache show "$p" >/dev/null 2>&1 || need_update=1
  done
  if (( need_update )); then
    coop_log "apt-get update"
    apt-get update -q >/dev/null || coop_die "apt-get update failed"
  fi
  coop_log "apt-get install ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null \
    || coop_die "apt-get install ${pkgs[*]} failed"
}

# --- ports -------------------------------------------------------------------------
# coop_port_in_use PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
# Never hangs: the probe is bounded by `timeout`.
coop_port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# coop_require_free_port PORT COMPONENT: exits at once, naming both, if PORT is taken.
coop_require_free_port() {
  local port=$1 what=$2
  if coop_port_in_use "$port"; then
    coop_die "port $port (needed by $what) is already in use on 127.0.0.1; stop whatever holds it or choose another port (see infra/README.md)"
  fi
}

# coop_free_port VAR: sets VAR to a free TCP port on 127.0.0.1 (random 20000-59999), skipping
# the broker/dashboard defaults and ports already handed out by this shell (COOP_PORTS_TAKEN;
# a variable, not a printed value, so the list survives: $(...) would run in a subshell).
COOP_PORTS_TAKEN=" 4369 5672 5680 15672 15680 25672 25680 18888 18889 18890 "
coop_free_port() {
  local _cfp_port i
  for (( i = 0; i < 200; i++ )); do
    _cfp_port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    [[ $COOP_PORTS_TAKEN == *" $_cfp_port "* ]] && continue
    coop_port_in_use "$_cfp_port" && continue
    COOP_PORTS_TAKEN+="$_cfp_port "
    printf -v "$1" %s "$_cfp_port"
    return 0
  done
  coop_die "could not find a free TCP port on 127.0.0.1"
}

# coop_wait_port PORT SECONDS: waits until 127.0.0.1:PORT accepts connections.
coop_wait_port() {
  local port=$1 end=$(( SECONDS + $2 ))
  until coop_port_in_use "$port"; do
    (( SECONDS >= end )) && return 1
    sleep 0.2
  done
}

# coop_http_status URL_PATH PORT [HEADER]: prints the HTTP status code of GET http://127.0.0.1:PORT/PATH
# (with one extra request header, e.g. "x-api-key: KEY") using bash's /dev/tcp only (no curl
# needed); prints 000 when nothing answers.
coop_http_status() {
  local path=$1 port=$2 extra=''
  [[ -n ${3:-} ]] && extra="$3"$'\r\n'
  timeout 5 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/"$2" || exit 1
    printf "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n%sConnection: close\r\n\r\n" "$1" "$2" "$3" >&3
    IFS=" " read -r _ code _ <&3 && printf "%s\n" "$code"
  ' coop_http_status "$path" "$port" "$extra" 2>/dev/null || printf '000\n'
}

# coop_http_get URL_PATH PORT: prints the whole response (headers + body) of a GET.
coop_http_get() {
  local path=$1 port=$2
  timeout 10 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$port"' || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept: application/json\r\n\r\n" "'"$path"'" "'"$port"'" >&3
    cat <&3
  '
}

# --- private data ---------------------------------------------------------------------
# coop_private_dir DIR: creates DIR readable by its owner only (0700) and takes group and
# other permissions off everything already in it: .data holds databases with sealed
# contents, logs and secrets.
coop_private_dir() {
  mkdir -p "$1"
  chmod -R go= "$1"
}

# --- process tracking ----------------------------------------------------------------
# Every long-running process is started in its own session/process group (setsid), its
# pid (= process group id) written to $COOP_RUN_DIR/<name>.pid. coop_stop_all stops them
# all, newest first, by process group: TERM, then KILL after a grace period.
: "${COOP_RUN_DIR:=$COOP_DATA_DIR/run}"

# coop_spawn NAME LOGFILE CMD...: starts CMD in its own process group, logs to LOGFILE.
# Environment for CMD: set it with `env` in CMD or export before calling.
# Started with umask 077: its log and every file it creates (databases, broker data) are the
# owner's only.
coop_spawn() {
  local name=$1 log=$2 mask; shift 2
  mkdir -p "$COOP_RUN_DIR" "$(dirname "$log")"
  mask=$(umask); umask 077
  setsid "$@" </dev/null >>"$log" 2>&1 &
  local pid=$!
  umask "$mask"
  printf '%s\n' "$pid" >"$COOP_RUN_DIR/$name.pid"
  # A restarted process keeps its place in the stop order.
  grep -qx "$name" "$COOP_RUN_DIR/order" 2>/dev/null || printf '%s\n' "$name" >>"$COOP_RUN_DIR/order"
  COOP_LAST_PID=$pid
}

coop_pid_of() { [[ -f $COOP_RUN_DIR/$1.pid ]] && cat "$COOP_RUN_DIR/$1.pid"; }

coop_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# coop_group_alive PGID: any process left in that process group?
coop_group_alive() { [[ -n ${1:-} ]] && kill -0 -- "-$1" 2>/dev/null; }

# coop_stop NAME [GRACE_SECONDS]: stops the process group recorded for NAME.
coop_stop() {
  local name=$1 grace=${2:-10} pid
  pid=$(coop_pid_of "$name") || return 0
  if coop_group_alive "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    local end=$(( SECONDS + grace ))
    while coop_group_alive "$pid" && (( SECONDS < end )); do sleep 0.1; done
    if coop_group_alive "$pid"; then
      coop_log "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "$COOP_RUN_DIR/$name.pid"
}

# coop_stop_all: stops everything recorded in $COOP_RUN_DIR, newest first. Hooks named in
# COOP_STOP_HOOKS (functions "coop_stop_hook_<name>") run instead of coop_stop for NAME.
coop_stop_all() {
  [[ -f $COOP_RUN_DIR/order ]] || return 0
  local names name
  mapfile -t names < <(tac "$COOP_RUN_DIR/order" | awk '!seen[$0]++')
  for name in "${names[@]}"; do
    [[ -f $COOP_RUN_DIR/$name.pid ]] || continue
    if declare -F "coop_stop_hook_${name%%.*}" >/dev/null; then
      "coop_stop_hook_${name%%.*}" "$name"
    else
      coop_stop "$name"
    fi
  done
  rm -f "$COOP_RUN_DIR/order"
}

# coop_tail FILE [N]: prints the last N lines of FILE, indented, for error reports.
coop_tail() {
  local file=$1 n=${2:-30}
  if [[ -f $file ]]; then
    printf -- '--- last %s lines of %s ---\n' "$n" "$file" >&2
    tail -n "$n" "$file" | sed 's/^/  | /' >&2
    printf -- '---\n' >&2
  else
    printf -- '(no log file %s)\n' "$file" >&2
  fi
}

# coop_random N [CHARSET]: N random characters (default alphanumeric) from /dev/urandom.
# (No `tr </dev/urandom | head`: under pipefail its SIGPIPE fails the caller.)
coop_random() {
  local n=$1 set=${2:-A-Za-z0-9} out=''
  while (( ${#out} < n )); do
    out+=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc "$set")
  done
  printf '%s\n' "${out:0:n}"
}
