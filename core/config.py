"""Process configuration: where the store, the blobs and AWS are.

Operational settings (wage thresholds, concurrency, cleanup) are not here: they live
in the Setting table and change at run time (see core/operational_settings.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class AppConfig(BaseSettings):
    """Environment variables prefixed ``PUNCHLINE_``."""

    model_config = SettingsConfigDict(env_prefix="PUNCHLINE_", extra="ignore")

    data_dir: Path = Field(default=PROJECT_ROOT / "data")
    # DynamoDB: empty endpoint and empty region -> embedded DynamoDB Local.
    dynamodb_endpoint: str | None = None
    aws_region: str | None = None
    # "embedded" (DynamoDB Local, on disk), "memory" (moto, explicitly named, nothing kept),
    # "aws" (real AWS or a configured endpoint). Empty -> derived from the two fields above.
    store_mode: str | None = None
    table_prefix: str = "punchline-"
    queue_shards: int = Field(default=4, ge=1, le=64)
    s3_bucket: str | None = None
    s3_prefix: str = ""
    drop_prefix: str = "drop/"
    # SQS queue receiving the bucket's drop-prefix notifications (AWS mode of the drop folder).
    drop_queue_url: str | None = None
    # DynamoDB Local memory (JVM -Xmx) and whether to keep data on disk.
    embedded_in_memory: bool = False
    java_bin: str = "java"
    # Create missing tables at start. Default: yes, except on real AWS (CloudFormation owns them).
    create_tables: bool | None = None
    # Browser origins allowed to open the GraphQL WebSocket, comma-separated (same-origin always is).
    allowed_origins: str = ""
    jwks_url: str | None = None
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    jwt_role_claim: str = "cognito:groups"

    @property
    def resolved_store_mode(self) -> str:
        if self.store_mode:
            return self.store_mode
        if self.dynamodb_endpoint or self.aws_region:
            return "aws"
        return "embedded"

    @property
    def region(self) -> str:
        # PynamoDB 6 has no default region; DynamoDB Local ignores it but needs one.
        return self.aws_region or "us-west-2"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def dynamodb_dir(self) -> Path:
        return self.data_dir / "dynamodb"


@lru_cache(maxsize=1)
def get_config() -> AppConfig:
    return AppConfig()


def reset_config() -> None:
    get_config.cache_clear()


__all__ = ["AppConfig", "PROJECT_ROOT", "get_config", "reset_config"]
