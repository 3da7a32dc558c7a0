# Written into every scenario by generate.sh: the AWS provider, pointed at a local moto_server (MOTO_ENDPOINT),
# so `terraform plan` runs with no AWS account and no network. Fake credentials.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "moto_endpoint" {
  type    = string
  default = "http://127.0.0.1:5000"
}

provider "aws" {
  region                      = "eu-west-2"
  access_key                  = "AKIAWSDOCTORFIXTURE1"
  secret_key                  = "wsdoctor-fixture-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    ec2        = var.moto_endpoint
    ds         = var.moto_endpoint
    workspaces = var.moto_endpoint
    iam        = var.moto_endpoint
    kms        = var.moto_endpoint
    sts        = var.moto_endpoint
    appstream  = var.moto_endpoint
  }
}
