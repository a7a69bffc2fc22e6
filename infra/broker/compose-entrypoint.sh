#!/bin/sh
# Compose only: fills the password placeholders ("@@user@@") of the definitions template
# from environment variables (user state-uga -> COOP_PASSWORD_STATE_UGA), then starts the
# image's own entrypoint. The broker loads the result at boot (load_definitions).
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
exec docker-entrypoint.sh "$@"
