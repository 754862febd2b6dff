"""JWT bearer tokens verified against a JWKS (signed here with a throwaway RSA key), and roles."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

import api.auth
from api.auth import Identity, identity_from_jwt, role_from_claims
from core.config import AppConfig

ISSUER = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_test"


@pytest.fixture
def signing_key(monkeypatch):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    class FakeJwks:
        def get_signing_key_from_jwt(self, token):
            header = jwt.get_unverified_header(token)
            if header.get("kid") != "k1":
                raise jwt.PyJWKClientError("unknown kid")
            return type("Key", (), {"key": private.public_key()})()

    monkeypatch.setattr(api.auth, "_jwks_client", lambda url: FakeJwks())
    return private


def config(**overrides) -> AppConfig:
    values = {"jwks_url": "https://example.invalid/jwks.json", "jwt_issuer": ISSUER, "jwt_audience": "client-1"}
    return AppConfig(**{**values, **overrides})


def token(key, kid: str = "k1", **claims) -> str:
    body = {"sub": "user-123", "iss": ISSUER, "client_id": "client-1", "exp": int(time.time()) + 300,
            "cognito:groups": ["reviewer"], **claims}
    return jwt.encode(body, key, algorithm="RS256", headers={"kid": kid})


def test_valid_cognito_access_token_gives_the_group_role(signing_key):
    assert identity_from_jwt(token(signing_key), config()) == Identity("jwt:user-123", "reviewer", "jwt")


def test_highest_known_group_wins_and_unknown_groups_are_ignored():
    assert role_from_claims({"g": ["viewer", "staff", "admin"]}, "g") == "admin"
    assert role_from_claims({"g": "Uploader"}, "g") == "uploader"
    assert role_from_claims({"g": ["staff"]}, "g") is None


@pytest.mark.parametrize("claims", [
    {"exp": int(time.time()) - 10},
    {"iss": "https://evil.example"},
    {"client_id": "someone-else"},
    {"cognito:groups": ["staff"]},
])
def test_bad_tokens_are_refused(signing_key, claims):
    assert identity_from_jwt(token(signing_key, **claims), config()) is None


def test_token_signed_by_another_key_is_refused(signing_key):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert identity_from_jwt(token(other), config()) is None
    assert identity_from_jwt(token(signing_key, kid="k2"), config()) is None


def test_without_a_jwks_url_bearer_tokens_are_not_accepted(signing_key):
    assert identity_from_jwt(token(signing_key), config(jwks_url=None)) is None


def test_role_ladder():
    reviewer = Identity("key:x", "reviewer", "api_key")
    assert reviewer.has_role("viewer") and reviewer.has_role("uploader") and reviewer.has_role("reviewer")
    assert not reviewer.has_role("admin")
