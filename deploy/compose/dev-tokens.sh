#!/usr/bin/env bash
# For docker-compose: makes the RSA key pair the services verify tokens with (deploy/compose/keys/, kept out of git)
# if it is not there, and prints tokens (30 days) for the demo manager, a leadership user and an admin, signed with it.
# In production an identity provider issues the tokens: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI instead.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p keys
if [ ! -f keys/jwt-private.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out keys/jwt-private.pem 2>/dev/null
  openssl pkey -in keys/jwt-private.pem -pubout -out keys/jwt-public.pem
  chmod 600 keys/jwt-private.pem
  chmod 644 keys/jwt-public.pem
fi
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
token() { # subject, roles JSON array, teams JSON array
  local now exp header payload
  now=$(date +%s); exp=$((now + 30 * 24 * 3600))
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"%s","roles":%s,"teams":%s,"iss":"salespulse-compose","aud":"salespulse","iat":%d,"exp":%d}' "$1" "$2" "$3" "$now" "$exp" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign keys/jwt-private.pem | b64url)"
}
echo "MANAGER_TOKEN=$(token mgr-camille '["MANAGER"]' '["team-paris"]')"
echo "LEADERSHIP_TOKEN=$(token lead-sophie '["LEADERSHIP"]' '[]')"
echo "ADMIN_TOKEN=$(token admin-compose '["ADMIN"]' '[]')"
