#!/bin/sh
# Compose only: fills the password placeholders ("@@user@@") of the definitions template
# from environment variables (user state-uga -> COOP_PASSWORD_STATE_UGA), then starts the
# image's own entrypoint. The broker loads the result at boot (load_definitions). Runs as root (the image's
# entrypoint then drops to the rabbitmq user).
set -eu
template=/etc/rabbitmq/coop/definitions.template.json
out=/tmp/coop/definitions.json
mkdir -p /tmp/coop
cp "$template" "$out.tmp"
for user in $(grep -o '@@[a-z0-9-]*@@' "$template" | tr -d '@' | sort -u); do
  var=COOP_PASSWORD_$(printf '%s' "$user" | tr 'a-z-' 'A-Z_')
  eval "pw=\${$var:-}"
  [ -n "$pw" ] || { echo "compose-entrypoint: $var is not set" >&2; exit 1; }
  case $pw in *[!A-Za-z0-9._~-]*) echo "compose-entrypoint: $var may only use A-Z a-z 0-9 . _ ~ -" >&2; exit 1 ;; esac
  sed -i "s/@@$user@@/$pw/g" "$out.tmp"
done
mv "$out.tmp" "$out"
chmod 644 "$out"
# The shovels between the Court's vhost and each State's (issue 12) need rabbitmq_shovel.
rabbitmq-plugins enable --offline rabbitmq_shovel >/dev/null
# Production profile (issue 13, compose-rabbitmq-tls.conf): the certificates from the compose secrets, the key readable
# by the broker's user only (a secret keeps the host file's owner and mode), and EXTERNAL for client certificates.
if [ "${COOP_BROKER_TLS:-0}" = 1 ]; then
  for f in court-ca broker-certificate broker-key; do
    [ -s "/run/secrets/$f" ] || { echo "compose-entrypoint: secret $f is missing (run infra/compose-certs)" >&2; exit 1; }
  done
  mkdir -p /tmp/coop/tls
  cp /run/secrets/court-ca /tmp/coop/tls/ca.pem
  cp /run/secrets/broker-certificate /tmp/coop/tls/broker.pem
  (umask 077; cp /run/secrets/broker-key /tmp/coop/tls/broker.key)
  chown -R rabbitmq /tmp/coop/tls
  chmod 644 /tmp/coop/tls/ca.pem /tmp/coop/tls/broker.pem
  rabbitmq-plugins enable --offline rabbitmq_auth_mechanism_ssl >/dev/null
fi
exec docker-entrypoint.sh "$@"
