"""Bytes → text: read a file, recognise its format and decode it.

Encodings are tried from the most to the least certain: a byte-order mark,
strict UTF-8 (a file cut inside its last character still counts), UTF-16
without a BOM (many NUL bytes in a regular pattern), strict GB18030 (a superset
of GB2312 and GBK), Big5, and only then charset-normalizer's guess, which is
wrong too often on short Chinese inputs to go first.

Structured formats (HTML, DOCX, XLSX, PDF) are recognised by their magic bytes
or extension; each has a reader registered in ``READERS``.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from .models import SourceText

__all__ = ["SourceError", "decode_bytes", "read_source", "sniff_format", "READERS", "MAX_BYTES"]

# Larger files are refused: no progress report reaches this size, and a runaway
# file must not exhaust memory.
MAX_BYTES = 64 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be read as a report. The message says why and what to do."""


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode report bytes; return (text, encoding name, warnings)."""
    warnings: list[str] = []
    if not data:
        return "", "empty", warnings
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            warnings.append("the file ends inside a character (truncated?); the last bytes were dropped")
            return data[: e.start].decode("utf-8"), "utf-8", warnings
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, warnings
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (it holds NUL bytes), not a text report")
    for enc in ("gb18030", "big5"):
        try:
            return data.decode(enc), enc, warnings
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes  # lazy: only for files nothing else reads

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise SourceError("cannot tell the text encoding; save the file as UTF-8 and try again")
    enc = "gb18030" if best.encoding.lower() in ("gb2312", "gbk", "hz") else best.encoding
    warnings.append(f"encoding guessed as {enc}; some characters may be wrong")
    return data.decode(enc, errors="replace"), enc, warnings


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 text without a BOM by where its NUL bytes fall."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # UTF-16 puts the NUL bytes of ASCII characters all on one side (odd offsets for
    # little-endian); CJK-only text has none, so then it must decode to mostly CJK.
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (zeros and not other) or (even + odd == 0 and _mostly_cjk(sample, enc)):
            try:
                data.decode(enc)
                return enc
            except UnicodeDecodeError:
                continue
    return None


def _mostly_cjk(sample: bytes, enc: str) -> bool:
    try:
        text = sample[: len(sample) // 2 * 2].decode(enc)
    except UnicodeDecodeError:
        return False
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return cjk > 0.6 * len(text)


# ---------------------------------------------------------------------------
# formats
# ---------------------------------------------------------------------------

_MAGIC = [
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\xd0\xcf\x11\xe0", "ole"),  # .doc / .xls (Office 97-2003)
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
]


def sniff_format(path: Path, head: bytes) -> str:
    """The file's format from its first bytes, then its extension."""
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            if fmt == "zip":
                ext = path.suffix.lower()
                return {".docx": "docx", ".xlsx": "xlsx"}.get(ext, "zip")
            return fmt
    ext = path.suffix.lower()
    if ext in (".htm", ".html", ".shtml", ".xhtml"):
        return "html"
    lower = head[:1024].lstrip().lower()
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower:
        return "html"
    return "text"


def _read_text(path: Path, data: bytes) -> SourceText:
    text, enc, warnings = decode_bytes(data)
    if looks_binary(text):
        raise SourceError("binary data, not a text report")
    return SourceText(text=text, encoding=enc, format="text", warnings=warnings)


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters or replacement marks."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    return bad > max(2, len(sample) // 50)


# Readers by format. Other modules (HTML, DOCX, XLSX, PDF) register here.
READERS: dict[str, Callable[[Path, bytes], SourceText]] = {"text": _read_text}

_UNSUPPORTED = {
    "png": "an image (PNG), not a report",
    "jpeg": "an image (JPEG), not a report",
    "gif": "an image (GIF), not a report",
    "zip": "a ZIP archive; unpack it and ingest the files inside",
    "gzip": "a gzip archive; unpack it and ingest the files inside",
    "rar": "a RAR archive; unpack it and ingest the files inside",
    "7z": "a 7z archive; unpack it and ingest the files inside",
    "ole": "an old Office file (.doc/.xls); save it as .docx/.xlsx (or convert with "
           "`libreoffice --headless --convert-to docx`) and ingest that",
}


def read_source(path: Path, data: bytes | None = None) -> SourceText:
    """Read one file into text. Raises :class:`SourceError` with a one-line reason."""
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as e:
            raise SourceError(f"cannot read: {e.strerror or e}") from None
        if size > MAX_BYTES:
            raise SourceError(f"file is {size / 2**20:.0f} MiB, larger than the "
                              f"{MAX_BYTES // 2**20} MiB a report can be")
        try:
            data = path.read_bytes()
        except OSError as e:
            raise SourceError(f"cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise SourceError("empty file")
    fmt = sniff_format(path, data[:4096])
    if fmt in _UNSUPPORTED:
        raise SourceError(_UNSUPPORTED[fmt])
    reader = READERS.get(fmt)
    if reader is None:
        raise SourceError(f"{fmt.upper()} files are not supported yet; save the report as text")
    return reader(path, data)
