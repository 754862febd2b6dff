"""The embedded DynamoDB Local accepts any credentials, so it must be reachable from loopback
only: its listening socket is bound to 127.0.0.1, a connection to this machine's own
non-loopback address is refused."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from store.embedded import LAUNCHER_CLASS, LAUNCHER_DIR, find_jar


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket in LISTEN state on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port and len(address) == width:
                found.add(decode(address))
    return found


def decode(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(socket.AF_INET6, words)


def non_loopback_ipv4() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_store_listens_on_loopback_only(dynamodb_local):
    addresses = listening_addresses(dynamodb_local.port)
    assert addresses, "DynamoDB Local is not listening"
    assert addresses <= {"127.0.0.1", "::ffff:127.0.0.1"}, addresses


def test_the_store_refuses_a_connection_to_a_non_loopback_address(dynamodb_local):
    address = non_loopback_ipv4()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    with socket.create_connection(("127.0.0.1", dynamodb_local.port), timeout=5):
        pass  # loopback works
    with pytest.raises(ConnectionRefusedError), socket.create_connection((address, dynamodb_local.port), timeout=5):
        pass


def test_the_committed_launcher_class_is_built_from_its_source(tmp_path):
    javac = shutil.which("javac")
    if javac is None:
        pytest.skip("no javac: the committed class is used as is")
    version = subprocess.run([javac, "-version"], capture_output=True, text=True).stdout + \
        subprocess.run([javac, "-version"], capture_output=True, text=True).stderr
    if "javac 17." not in version:
        pytest.skip(f"the class is built with javac 17; this is {version.strip()}")
    jar = find_jar()
    classpath = f"{jar}:{jar.parent / 'DynamoDBLocal_lib'}/*"
    subprocess.run([javac, "--release", "17", "-cp", classpath, "-d", str(tmp_path),
                    str(LAUNCHER_DIR / f"{LAUNCHER_CLASS}.java")], check=True, timeout=120)
    built = (tmp_path / f"{LAUNCHER_CLASS}.class").read_bytes()
    committed = (LAUNCHER_DIR / f"{LAUNCHER_CLASS}.class").read_bytes()
    assert built == committed, f"rebuild: cd {LAUNCHER_DIR} && javac --release 17 -cp '{classpath}' -d . " \
                               f"{LAUNCHER_CLASS}.java"
