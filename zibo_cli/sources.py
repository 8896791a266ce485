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
import re
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
    (b"{\\rtf", "rtf"),
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
    if b"mime-version:" in lower and b"multipart/related" in head.lower():
        return "mht"  # a "single file web page" (.mht), often saved by Word with a .doc name
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower:
        return "html"
    return "text"


def _read_text(path: Path, data: bytes) -> SourceText:
    text, enc, warnings = decode_bytes(data)
    if looks_binary(text):
        raise SourceError("binary data, not a text report")
    return SourceText(text=text, encoding=enc, format="text", warnings=warnings)


# control characters other than \t \n \f \r, and the replacement mark
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters or replacement marks."""
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_BAD_CHARS_RE.findall(sample))
    return bad > max(2, len(sample) // 50)


def _lazy_reader(fmt: str) -> Callable[[Path, bytes], SourceText]:
    """A reader that imports ``zibo_cli.readers.<fmt>`` (and its library) on first use."""

    def read(path: Path, data: bytes) -> SourceText:
        from importlib import import_module

        try:
            module = import_module(f".readers.{fmt}", __package__)
        except ImportError as e:  # the library is missing from this installation
            raise SourceError(f"reading {fmt.upper()} files needs the Python package {e.name or e}; "
                              "reinstall zibo (pip install zibo)") from None
        return module.read(path, data)

    read.__name__ = f"read_{fmt}"
    return read


# Readers by format; the structured ones live in zibo_cli/readers/ and load lazily.
READERS: dict[str, Callable[[Path, bytes], SourceText]] = {
    "text": _read_text,
    **{fmt: _lazy_reader(fmt) for fmt in ("html", "mht", "docx", "xlsx", "pdf")},
}

_CONVERT = "`libreoffice --headless --convert-to {ext} FILE` (or Save As in Word/Excel/WPS)"
_UNSUPPORTED = {
    "png": "an image (PNG), not a report; a scanned page needs OCR first",
    "jpeg": "an image (JPEG), not a report; a scanned page needs OCR first",
    "gif": "an image (GIF), not a report",
    "zip": "a ZIP archive; unpack it and ingest the files inside",
    "gzip": "a gzip archive; unpack it and ingest the files inside",
    "rar": "a RAR archive; unpack it and ingest the files inside",
    "7z": "a 7z archive; unpack it and ingest the files inside",
    "rtf": "an RTF file, which zibo cannot read; convert it with " + _CONVERT.format(ext="docx")
           + " and ingest the .docx",
    "ole": "an old Office file (.doc/.xls/.wps), which zibo cannot read; convert it to .docx or .xlsx "
           "with " + _CONVERT.format(ext="docx") + " and ingest that",
    "doc": "an old Word .doc file, which zibo cannot read; convert it with "
           + _CONVERT.format(ext="docx") + " and ingest the .docx",
    "xls": "an old Excel .xls file, which zibo cannot read; convert it with "
           + _CONVERT.format(ext="xlsx") + " and ingest the .xlsx",
}


def _refine(fmt: str, path: Path, data: bytes) -> str:
    """Look closer where the first bytes are not enough: which Office file a ZIP or OLE file is."""
    if fmt == "zip":
        import zipfile
        from io import BytesIO

        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return fmt
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    if fmt == "ole":
        ext = path.suffix.lower()
        if ext in (".doc", ".wps", ".dot"):
            return "doc"
        if ext in (".xls", ".et", ".xlt"):
            return "xls"
        if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data[:65536 * 4]:
            return "doc"
        if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in data[:65536 * 4]:
            return "xls"
    return fmt


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
    fmt = _refine(sniff_format(path, data[:4096]), path, data)
    if fmt in _UNSUPPORTED:
        raise SourceError(_UNSUPPORTED[fmt])
    reader = READERS.get(fmt)
    if reader is None:
        raise SourceError(f"{fmt.upper()} files are not supported yet; save the report as text")
    return reader(path, data)
