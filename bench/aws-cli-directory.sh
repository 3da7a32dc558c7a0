#!/usr/bin/env bash
# What people do today instead of `wsdoctor check --directory`: the same Describe calls with the aws CLI, one
# process per call, each call's input taken from the previous answer. bench/directory.mjs runs it against the
# same proxy as wsdoctor and fails if the two make different sets of operations, so keep it in step with the
# facts the directory checks read. (The checks' DNS lookups are not scripted: these machines have no dig.)
# Usage: aws-cli-directory.sh <directory-id> <region> <endpoint-url>
set -euo pipefail
directory=$1 region=$2 endpoint=$3

aws_() { aws --region "$region" --endpoint-url "$endpoint" --output text "$@"; }

aws_ ds describe-directories --directory-ids "$directory" --query 'DirectoryDescriptions[0].DnsIpAddrs' >/dev/null
aws_ workspaces describe-ip-groups --query 'Result[].GroupId' >/dev/null
aws_ iam get-role --role-name workspaces_DefaultRole --query 'Role.AssumeRolePolicyDocument' >/dev/null
aws_ iam list-attached-role-policies --role-name workspaces_DefaultRole --query 'AttachedPolicies[].PolicyName' >/dev/null
subnets=$(aws_ workspaces describe-workspace-directories --directory-ids "$directory" --query 'Directories[0].SubnetIds')
vpc=$(aws_ ec2 describe-subnets --subnet-ids $subnets --query 'Subnets[0].VpcId')
aws_ ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].CidrBlockAssociationSet[].CidrBlock' >/dev/null
aws_ ec2 describe-route-tables --filters "Name=vpc-id,Values=$vpc" --query 'RouteTables[].Routes[]' >/dev/null
# The network path and its guards (issue 14): zones by id, gateways, security groups, network ACLs, endpoints.
aws_ ec2 describe-availability-zones --query 'AvailabilityZones[].[ZoneName,ZoneId]' >/dev/null
aws_ ec2 describe-internet-gateways --filters "Name=attachment.vpc-id,Values=$vpc" --query 'InternetGateways[].InternetGatewayId' >/dev/null
aws_ ec2 describe-nat-gateways --filter "Name=vpc-id,Values=$vpc" --query 'NatGateways[].[NatGatewayId,State]' >/dev/null
aws_ ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" --query 'SecurityGroups[].GroupId' >/dev/null
aws_ ec2 describe-network-acls --filters "Name=vpc-id,Values=$vpc" --query 'NetworkAcls[].Entries[]' >/dev/null
aws_ ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$vpc" --query 'VpcEndpoints[].ServiceName' >/dev/null
aws_ service-quotas list-service-quotas --service-code workspaces --query 'Quotas[].[QuotaName,Value]' >/dev/null
aws_ workspaces describe-tags --resource-id "$directory" --query 'TagList' >/dev/null
aws_ ec2 describe-network-interfaces --filters "Name=subnet-id,Values=$(echo $subnets | tr ' ' ',')" \
  --query 'NetworkInterfaces[].[NetworkInterfaceId,PrivateIpAddress,Status]' >/dev/null
bundles=$(aws_ workspaces describe-workspaces --directory-id "$directory" --query 'Workspaces[].BundleId' | tr '\t' '\n' | sort -u)
if [ -n "$bundles" ] && [ "$bundles" != None ]; then
  aws_ workspaces describe-workspace-bundles --bundle-ids $bundles >/dev/null
fi
