"""Blob storage: S3 when a bucket is configured, a local folder in embedded mode.

A blob is never visible half-written: the local store writes a temporary file in the same
folder and renames it into place (atomic on POSIX); S3's PutObject is atomic by design.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from core.config import AppConfig, get_config


class BlobStore(Protocol):
    def put(self, key: str, data: bytes) -> None: ...
    def get(self, key: str) -> bytes: ...
    def delete(self, key: str) -> None: ...
    def exists(self, key: str) -> bool: ...
    def copy(self, source_key: str, dest_key: str) -> None: ...
    def list(self, prefix: str) -> list[str]: ...


class BlobNotFound(KeyError):
    pass


class LocalBlobStore:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("blob key escapes the blob folder")
        return path

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise BlobNotFound(key) from None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def copy(self, source_key: str, dest_key: str) -> None:
        self.put(dest_key, self.get(source_key))

    def list(self, prefix: str) -> list[str]:
        base = self.root
        return sorted(
            str(p.relative_to(base))
            for p in base.rglob("*")
            if p.is_file() and not p.name.startswith(".partial-") and str(p.relative_to(base)).startswith(prefix)
        )


class S3BlobStore:
    def __init__(self, bucket: str, prefix: str = "", client=None):
        import boto3

        self.bucket = bucket
        self.prefix = prefix
        self.client = client or boto3.client("s3")

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def put(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    def get(self, key: str) -> bytes:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()
        except self.client.exceptions.NoSuchKey:
            raise BlobNotFound(key) from None

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            return True
        except ClientError:
            return False

    def copy(self, source_key: str, dest_key: str) -> None:
        self.client.copy_object(
            Bucket=self.bucket, Key=self._key(dest_key), CopySource={"Bucket": self.bucket, "Key": self._key(source_key)}
        )

    def list(self, prefix: str) -> list[str]:
        keys: list[str] = []
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self._key(prefix)):
            keys.extend(obj["Key"][len(self.prefix) :] for obj in page.get("Contents", []))
        return keys


_blob_store: BlobStore | None = None


def get_blob_store(config: AppConfig | None = None) -> BlobStore:
    global _blob_store
    if _blob_store is None:
        config = config or get_config()
        _blob_store = S3BlobStore(config.s3_bucket, config.s3_prefix) if config.s3_bucket else LocalBlobStore(config.blob_dir)
    return _blob_store


def set_blob_store(store: BlobStore | None) -> None:
    """Tests and the bootstrap replace the process-wide blob store."""
    global _blob_store
    _blob_store = store


__all__ = ["BlobNotFound", "BlobStore", "LocalBlobStore", "S3BlobStore", "get_blob_store", "set_blob_store"]
