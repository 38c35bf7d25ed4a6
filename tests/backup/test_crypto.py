"""The sealed stream (backup/crypto.py) over several chunks: every change, reordering or cut is refused."""

import io
import os

import pytest

from backup import crypto


def seal(data: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, key)
    writer.write(data)
    writer.close()
    return out.getvalue()


def unseal(body: bytes, key: bytes) -> bytes:
    return io.BufferedReader(crypto.DecryptingReader(io.BytesIO(body), key)).read()


KEY = os.urandom(32)
DATA = os.urandom(crypto.CHUNK * 2 + 1000)  # three chunks


def chunks(body: bytes) -> tuple[bytes, list[bytes]]:
    head, rest, parts = body[: len(crypto.MAGIC) + crypto.PREFIX], body[len(crypto.MAGIC) + crypto.PREFIX :], []
    while rest:
        size = int.from_bytes(rest[:4], "big") + 4
        parts.append(rest[:size])
        rest = rest[size:]
    return head, parts


def test_sealed_stream_round_trip():
    body = seal(DATA, KEY)
    assert len(chunks(body)[1]) == 3
    assert unseal(body, KEY) == DATA


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda head, parts: head + parts[0] + parts[1], "abgeschnitten"),  # last chunk dropped
        (lambda head, parts: head + parts[1] + parts[0] + parts[2], "Falscher Schlüssel"),  # swapped
        (lambda head, parts: head + parts[0] + parts[1][:-1] + bytes([parts[1][-1] ^ 1]) + parts[2], "Block 1"),
        (lambda head, parts: head + b"".join(parts) + parts[2], "weitere Daten"),
    ],
    ids=["dropped", "swapped", "changed", "appended"],
)
def test_changed_sealed_stream_is_refused(change, message):
    head, parts = chunks(seal(DATA, KEY))
    with pytest.raises(crypto.CryptoError, match=message):
        unseal(change(head, parts), KEY)


def test_wrong_key_and_bad_key_are_refused():
    with pytest.raises(crypto.CryptoError, match="Falscher Schlüssel"):
        unseal(seal(b"abc", KEY), os.urandom(32))
    with pytest.raises(crypto.CryptoError, match="kein gültiger Schlüssel"):
        crypto.parse_key("zu-kurz")
    assert len(crypto.parse_key(crypto.new_key())) == 32
