"""Encryption of a whole archive with the key in DJANGO_BACKUP_KEY (optional).

The archive is a stream (tar), possibly gigabytes of video: it is cut into chunks of 1 MiB and each
chunk is sealed with AES-256-GCM (`cryptography`), the STREAM construction (Hoang, Reyhanitabar,
Rogaway, Vizár 2015) that `age` and Tink use too. The nonce of a chunk is a random prefix of the file,
the chunk's number and a flag for the last chunk, so that a changed, swapped, dropped or added chunk,
a cut-off file and a wrong key all fail the authentication: nothing is read that was not written
with this key, in this order, to its end.

Layout: MAGIC, 7 bytes random prefix, then per chunk 4 bytes length (big-endian) and the sealed chunk
(plaintext + 16 bytes tag). The key is 32 random bytes, URL-safe base64 (the same form as a Fernet key):
    python -c "import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())"
"""

import base64
import binascii
import io
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.utils.translation import gettext as _

MAGIC = b"KJC-BACKUP-AES256GCM-1\n"
CHUNK = 1 << 20
PREFIX = 7
TAG = 16


class CryptoError(Exception):
    """The archive cannot be decrypted: wrong key, damaged or cut off (message in German)."""


def parse_key(value: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        key = b""
    if len(key) != 32:
        raise CryptoError(
            _("DJANGO_BACKUP_KEY ist kein gültiger Schlüssel (32 Bytes, URL-sicheres Base64; siehe README).")
        )
    return key


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    if number >= 2**32:
        raise CryptoError(_("Das Archiv ist zu groß für die Verschlüsselung."))
    return prefix + struct.pack(">I", number) + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A write-only file object: what is written lands sealed in `target`; close() seals the last chunk."""

    def __init__(self, target, key: bytes):
        self._target = target
        self._aead = AESGCM(key)
        self._prefix = os.urandom(PREFIX)
        self._buffer = bytearray()
        self._number = 0
        target.write(MAGIC + self._prefix)

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte for the last chunk
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, plain: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._number, last), plain, MAGIC)
        self._target.write(struct.pack(">I", len(sealed)) + sealed)
        self._number += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
        super().close()


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


class DecryptingReader(io.RawIOBase):
    """A read-only file object over a sealed archive; raises CryptoError on any damage or a wrong key."""

    def __init__(self, source, key: bytes):
        self._source = source
        self._aead = AESGCM(key)
        head = source.read(len(MAGIC) + PREFIX)
        if len(head) != len(MAGIC) + PREFIX or not head.startswith(MAGIC):
            raise CryptoError(_("Das Archiv ist nicht verschlüsselt oder sein Kopf ist beschädigt."))
        self._prefix = head[len(MAGIC) :]
        self._number = 0
        self._plain = memoryview(b"")
        self._done = False

    def readable(self) -> bool:
        return True

    def _next(self) -> None:
        length = self._source.read(4)
        if len(length) < 4:
            raise CryptoError(_("Das verschlüsselte Archiv ist abgeschnitten (das Ende fehlt)."))
        (size,) = struct.unpack(">I", length)
        sealed = self._source.read(size)
        if size > CHUNK + TAG or len(sealed) != size:
            raise CryptoError(_("Das verschlüsselte Archiv ist abgeschnitten oder beschädigt."))
        for last in (False, True):
            try:
                self._plain = memoryview(self._aead.decrypt(_nonce(self._prefix, self._number, last), sealed, MAGIC))
            except InvalidTag:
                continue
            self._number += 1
            if last:
                self._done = True
                if self._source.read(1):
                    raise CryptoError(_("Hinter dem Ende des verschlüsselten Archivs stehen weitere Daten."))
            return
        if self._number == 0:
            raise CryptoError(_("Falscher Schlüssel (DJANGO_BACKUP_KEY) oder beschädigtes Archiv."))
        raise CryptoError(
            _("Das verschlüsselte Archiv ist beschädigt oder verändert (Block %(number)d).") % {"number": self._number}
        )

    def readinto(self, buffer) -> int:
        while not len(self._plain) and not self._done:
            self._next()
        count = min(len(buffer), len(self._plain))
        buffer[:count] = self._plain[:count]
        self._plain = self._plain[count:]
        return count
