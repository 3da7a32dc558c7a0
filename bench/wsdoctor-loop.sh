#!/bin/sh
# What a fleet check looks like before `--all`: wsdoctor once per directory, one after another. Each line of the
# list file is "region directory-id access-key secret-key session-token" ("-" for none): the credentials of the
# directory's account, as a script would export them after `aws sts assume-role`.
# Usage: wsdoctor-loop.sh LIST BIN ENDPOINT
set -u
list=$1 bin=$2 endpoint=$3
while read -r region directory key secret token; do
  if [ "$token" = "-" ]; then
    AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret node "$bin" check --directory "$directory" --region "$region" \
      --endpoint-url "$endpoint" --format json >/dev/null
  else
    AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token node "$bin" check --directory "$directory" \
      --region "$region" --endpoint-url "$endpoint" --format json >/dev/null
  fi
  # 0, 1 (a check failed) and 3 (a check could not look) are answers; anything else breaks the benchmark.
  code=$?
  case $code in 0|1|3) ;; *) echo "wsdoctor exited $code for $directory in $region" >&2; exit 1 ;; esac
done < "$list"
