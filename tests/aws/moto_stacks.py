"""Deploy the data-layer templates into moto's CloudFormation (call inside ``mock_aws``)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import boto3

from tests.aws.conftest import TEMPLATES

REGION = "us-west-2"


@dataclass
class DataStack:
    table_prefix: str
    bucket: str
    s3_prefix: str
    drop_prefix: str
    drop_queue_url: str
    drop_queue_arn: str
    dead_letter_queue_url: str


def create_stack(name: str, template: str, parameters: dict[str, str]) -> dict[str, str]:
    cloudformation = boto3.client("cloudformation", region_name=REGION)
    with warnings.catch_warnings():
        # moto skips the types it does not model (SQS::QueuePolicy, S3::BucketPolicy) with a warning.
        warnings.simplefilter("ignore")
        cloudformation.create_stack(
            StackName=name,
            TemplateBody=(TEMPLATES / template).read_text(),
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
            Capabilities=["CAPABILITY_IAM"],
        )
    stack = cloudformation.describe_stacks(StackName=name)["Stacks"][0]
    assert stack["StackStatus"] == "CREATE_COMPLETE", stack.get("StackStatusReason")
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def deploy_data_layer(environment: str = "test") -> DataStack:
    tables = create_stack(
        f"punchline-{environment}-tables",
        "tables.yaml",
        {"EnvironmentName": environment, "TablePrefix": f"punchline-{environment}-", "DeletionProtection": "false"},
    )
    storage = create_stack(f"punchline-{environment}-storage", "storage.yaml", {"EnvironmentName": environment})
    return DataStack(
        table_prefix=tables["TablePrefix"],
        bucket=storage["BucketName"],
        s3_prefix=storage["S3Prefix"],
        drop_prefix=storage["DropPrefix"],
        drop_queue_url=storage["DropQueueUrl"],
        drop_queue_arn=storage["DropQueueArn"],
        dead_letter_queue_url=storage["DropDeadLetterQueueUrl"],
    )


def apply_bucket_settings_from_template(stack: DataStack) -> None:
    """moto's CloudFormation creates the bucket but ignores its versioning and notification
    properties: apply the template's own values through the API, so what is tested is still
    what the template says (event type, prefix filter, target queue)."""
    from cloudformation.drift import load_template

    template = load_template(TEMPLATES / "storage.yaml")
    bucket = template["Resources"]["Bucket"]["Properties"]
    s3 = boto3.client("s3", region_name=REGION)
    s3.put_bucket_versioning(Bucket=stack.bucket, VersioningConfiguration=bucket["VersioningConfiguration"])
    queue_config = bucket["NotificationConfiguration"]["QueueConfigurations"][0]
    prefix_rule = queue_config["Filter"]["S3Key"]["Rules"][0]
    assert prefix_rule["Value"] == {"Fn::Sub": "${S3Prefix}${DropPrefix}"}
    s3.put_bucket_notification_configuration(
        Bucket=stack.bucket,
        NotificationConfiguration={
            "QueueConfigurations": [
                {
                    "QueueArn": stack.drop_queue_arn,
                    "Events": [queue_config["Event"]],
                    "Filter": {"Key": {"FilterRules": [
                        {"Name": prefix_rule["Name"], "Value": f"{stack.s3_prefix}{stack.drop_prefix}"}
                    ]}},
                }
            ]
        },
    )


# ---------------------------------------------------------------- the whole system, as main.yaml wires it

PSEUDO = {"AWS::Region": REGION, "AWS::AccountId": "123456789012", "AWS::Partition": "aws", "AWS::NoValue": None}


def _resolve(value, root: dict[str, str], outputs: dict[str, dict[str, str]]):
    """The few intrinsics main.yaml uses to pass values to its nested stacks."""
    if isinstance(value, str | int | float):
        return str(value)
    if "Ref" in value:
        return PSEUDO[value["Ref"]] if value["Ref"] in PSEUDO else root[value["Ref"]]
    if "Fn::Sub" in value:
        text = value["Fn::Sub"]
        for name, replacement in {**root, **PSEUDO}.items():
            text = text.replace(f"${{{name}}}", str(replacement))
        return text
    if "Fn::GetAtt" in value:
        stack, attribute = value["Fn::GetAtt"]
        return outputs[stack][attribute.removeprefix("Outputs.")]
    if "Fn::Join" in value:
        separator, items = value["Fn::Join"]
        resolved = _resolve(items, root, outputs)
        return resolved if isinstance(resolved, str) else separator.join(resolved)
    raise NotImplementedError(value)


def deploy_main(root_parameters: dict[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Deploy main.yaml's nested stacks as separate stacks, passing the parameters main.yaml
    passes (moto cannot read a nested stack's outputs through Fn::GetAtt); return main.yaml's
    outputs and every nested stack's outputs."""
    from cloudformation.drift import load_template

    main = load_template(TEMPLATES / "main.yaml")
    root = {name: str(spec["Default"]) for name, spec in main["Parameters"].items() if "Default" in spec}
    root.update(root_parameters)
    outputs: dict[str, dict[str, str]] = {}
    pending = dict(main["Resources"])
    while pending:
        for logical, resource in list(pending.items()):
            needs = {v["Fn::GetAtt"][0] for v in resource["Properties"]["Parameters"].values()
                     if isinstance(v, dict) and "Fn::GetAtt" in v}
            if needs - set(outputs):
                continue
            parameters = {k: _resolve(v, root, outputs) for k, v in resource["Properties"]["Parameters"].items()}
            outputs[logical] = create_stack(f"punchline-{root['EnvironmentName']}-{logical.lower()}",
                                            resource["Properties"]["TemplateURL"], parameters)
            del pending[logical]
    root_outputs = {name: _resolve(spec["Value"], root, outputs) for name, spec in main["Outputs"].items()}
    return root_outputs, outputs


def network() -> dict[str, str]:
    ec2 = boto3.client("ec2", region_name=REGION)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
        for i, zone in enumerate("ab", start=1)
    ]
    return {"VpcId": vpc, "LoadBalancerSubnetIds": ",".join(subnets), "ServiceSubnetIds": ",".join(subnets)}
