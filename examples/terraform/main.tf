# The example plan the README checks with no AWS account (`wsdoctor check --terraform-plan
# examples/terraform/plan.json --offline`). A WorkSpaces deployment about to fail in three ways the IaC scanners do
# not see: Graphics WorkSpaces in a subnet that auto-assigns IPv6 addresses (the launch fails with an internal
# error), workspaces_DefaultRole without AmazonWorkSpacesSelfServiceAccess, and an IP access control group whose
# only rule is the office LAN's private range (WorkSpaces sees the public address users come from).
# plan.json beside it is `terraform show -json` of this configuration's plan (scripts/iac-fixtures/generate.sh).
resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-2a"
}

resource "aws_subnet" "private_b" {
  vpc_id                          = aws_vpc.main.id
  cidr_block                      = "10.0.2.0/24"
  availability_zone               = "eu-west-2b"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 2)
  assign_ipv6_address_on_creation = true
}

resource "aws_directory_service_directory" "corp" {
  name     = "corp.example.com"
  password = "Example-Passw0rd-Not-Real"
  size     = "Small"
  vpc_settings {
    vpc_id     = aws_vpc.main.id
    subnet_ids = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}

resource "aws_workspaces_ip_group" "office" {
  name = "office"
  rules {
    source      = "192.168.10.0/24"
    description = "office LAN"
  }
}

resource "aws_iam_role" "workspaces_default" {
  name = "workspaces_DefaultRole"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "workspaces.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "service_access" {
  role       = aws_iam_role.workspaces_default.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess"
}

resource "aws_workspaces_directory" "corp" {
  directory_id = aws_directory_service_directory.corp.id
  subnet_ids   = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  ip_group_ids = [aws_workspaces_ip_group.office.id]
  depends_on   = [aws_iam_role_policy_attachment.service_access]
}

resource "aws_workspaces_workspace" "designers" {
  for_each     = toset(["ana", "ben"])
  directory_id = aws_workspaces_directory.corp.id
  bundle_id    = "wsb-gm4d5tx2v"
  user_name    = each.key
  workspace_properties {
    compute_type_name = "GRAPHICS"
    running_mode      = "AUTO_STOP"
  }
}

# The way out (ws-internet-egress-path): the private subnets send the internet to a NAT gateway in a public subnet,
# whose own route goes to the VPC's internet gateway.
resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-2a"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  subnet_id     = aws_subnet.public.id
  allocation_id = aws_eip.nat.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}

resource "aws_route_table_association" "private_a" {
  subnet_id      = aws_subnet.private_a.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "private_b" {
  subnet_id      = aws_subnet.private_b.id
  route_table_id = aws_route_table.private.id
}
