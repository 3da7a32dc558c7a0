#!/usr/bin/env bash
# Writes the Terraform plans the tests and the README example read, with real Terraform and the real AWS provider:
#   terraform init (from a local plugin directory) → terraform plan -out → terraform show -json > plan.json
# against a moto_server on loopback (no AWS account, no network). Needs terraform 1.x, the hashicorp/aws provider
# 5.100.0 in TF_PLUGIN_DIR (default /opt/tf-plugins) and moto_server on PATH.
#   scripts/iac-fixtures/generate.sh [scenario-dir…]   (default: every test/fixtures/iac/terraform/*/ and examples/terraform/)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
plugins=${TF_PLUGIN_DIR:-/opt/tf-plugins}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break; sleep 0.2; done

if [ $# -eq 0 ]; then set -- "$root"/test/fixtures/iac/terraform/*/ "$root/examples/terraform/"; fi
for dir in "$@"; do
  dir=$(cd "$dir" && pwd)
  work=$(mktemp -d)
  cp -r "$dir"/. "$work"/
  rm -f "$work/plan.json"
  cp "$root/scripts/iac-fixtures/provider.tf" "$work/provider.tf"
  (
    cd "$work"
    terraform init -input=false -no-color -plugin-dir="$plugins" >/dev/null
    terraform plan -input=false -no-color -refresh=false -var "moto_endpoint=http://127.0.0.1:$port" -out=tfplan >/dev/null
    # The endpoint is a port of this run's moto: written as the default, so plans do not change from run to run.
    # Written beside and renamed: an interrupted run leaves the old plan, never an empty or half one.
    terraform show -json tfplan | sed "s#http://127.0.0.1:$port#http://127.0.0.1:5000#g" | python3 -m json.tool --indent 1 > "$work/plan.json.new"
  )
  mv "$work/plan.json.new" "$dir/plan.json"
  rm -rf "$work"
  echo "wrote ${dir#$root/}/plan.json"
done
