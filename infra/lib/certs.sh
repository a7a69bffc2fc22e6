# shellcheck shell=bash
# Certificates for a TLS run (issue 13): generated with openssl for the run, never committed.
# Needs common.sh and broker.sh (State user names). What certs_generate DIR [CODE...] writes into DIR (keys mode 600):
#   ca.pem / ca.key                 the run's test CA (what the services trust: Broker:Tls:CaCertificate)
#   server.pem / server.key         the broker's and gateway's certificate, for localhost and 127.0.0.1 (30 days)
#   untrusted-ca.pem / .key         a CA nobody trusts: a node told to trust it refuses the real server (wrong CA)
#   expired.pem / expired.key       a server certificate of the test CA for localhost, expired in 2024
#   state-xxx.pem / state-xxx.key   per State CODE: an X.509 client certificate, CN=state-xxx (its broker user name)
# A real deployment uses certificates of the Court's CA (or a public one): see README.md, "A State's node outside the Court".

# _certs_ca DIR NAME SUBJECT: a self-signed CA (ECDSA P-256, 30 days).
_certs_ca() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 30 -subj "$3" \
    -keyout "$1/$2.key" -out "$1/$2.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null \
    || coop_die "openssl could not create the CA $2 in $1"
}

# _certs_leaf DIR NAME SUBJECT EXTENSIONS [STARTDATE ENDDATE]: a key and a certificate signed by DIR/ca; with dates,
# issued through `openssl ca`, the only way OpenSSL 3.0 writes a validity period in the past.
_certs_leaf() {
  local dir=$1 name=$2 subject=$3 ext=$4 start=${5:-} end=${6:-}
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -subj "$subject" -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null \
    || coop_die "openssl could not create the request for $name"
  printf '%s\n' "$ext" >"$dir/$name.ext"
  if [[ -z $start ]]; then
    openssl x509 -req -sha256 -days 30 -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
      -extfile "$dir/$name.ext" -out "$dir/$name.pem" 2>/dev/null || coop_die "openssl could not sign $name"
  else
    mkdir -p "$dir/ca-db"; : >"$dir/ca-db/index.txt"; printf '1000\n' >"$dir/ca-db/serial"
    cat >"$dir/ca-db/ca.cnf" <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $dir/ca-db/index.txt
serial = $dir/ca-db/serial
new_certs_dir = $dir/ca-db
default_md = sha256
policy = any
unique_subject = no
[ any ]
commonName = supplied
CNF
    openssl ca -batch -notext -config "$dir/ca-db/ca.cnf" -cert "$dir/ca.pem" -keyfile "$dir/ca.key" \
      -startdate "$start" -enddate "$end" -extfile "$dir/$name.ext" -in "$dir/$name.csr" -out "$dir/$name.pem" 2>/dev/null \
      || coop_die "openssl could not sign $name"
    rm -rf "$dir/ca-db"
  fi
  rm -f "$dir/$name.csr" "$dir/$name.ext"
}

# certs_generate DIR [CODE...]: everything above, afresh, in DIR.
certs_generate() {
  local dir=$1 code s t0; shift
  command -v openssl >/dev/null || coop_apt_install openssl
  t0=$(coop_now)
  rm -rf "$dir"; mkdir -p "$dir"; chmod 700 "$dir"
  dir=$(cd "$dir" && pwd)
  local server_ext=$'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1'
  _certs_ca "$dir" ca "/O=Cooperation Platform test/CN=Cooperation Platform test CA"
  _certs_ca "$dir" untrusted-ca "/O=Nobody/CN=Untrusted test CA"
  _certs_leaf "$dir" server "/O=Cooperation Platform test/CN=localhost" "$server_ext"
  _certs_leaf "$dir" expired "/O=Cooperation Platform test/CN=localhost" "$server_ext" 20240101000000Z 20240201000000Z
  for code in "$@"; do
    s=$(broker_state_name "$code")
    _certs_leaf "$dir" "$s" "/O=Cooperation Platform test/CN=$s" \
      $'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth'
  done
  rm -f "$dir"/*.srl "$dir/untrusted-ca.key"
  chmod 600 "$dir"/*.key
  # The broker reads its key as whoever runs it; the files stay inside DIR (mode 700).
  coop_log "certificates generated in $dir ($(coop_since "$t0")s): CA, server (localhost, 127.0.0.1), untrusted CA, expired${*:+, client certificates for $*}"
}
