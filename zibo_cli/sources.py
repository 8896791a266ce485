"""Bytes → text: read a file, recognise its format and decode it.

Encodings are tried from the most to the least certain: a byte-order mark,
strict UTF-8 (a file cut inside its last character still counts), UTF-16
without a BOM (many NUL bytes in a regular pattern), strict GB18030 (a superset
of GB2312 and GBK), Big5, and only then charset-normalizer's guess, which is
wrong too often on short Chinese inputs to go first.

Structured formats (HTML, DOCX, XLSX, PDF) are recognised by their magic bytes
or extension; each has a reader registered in ``READERS``.

Files are read with :func:`read_file_bytes`, which refuses anything that is not a
regular file and anything over the size limits *before* reading it, so memory
stays bounded and a pipe or device never blocks the walk.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from .models import SourceText

__all__ = ["SourceError", "decode_bytes", "read_source", "read_file_bytes", "sniff_format",
           "size_limit", "describe_os_error", "READERS", "MAX_BYTES", "MAX_TEXT_BYTES"]

# Size limits, checked before a file is read. A text or HTML report is decoded and
# normalised whole in memory (about six times its size at the peak), and no progress
# report comes near 16 MiB of text: a larger file is a wrong file (a log, a dump, several
# years pasted together), refused at once rather than ground through for minutes.
# Container formats (PDF, DOCX, XLSX) carry images and fonts, so they may be larger.
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_BYTES = 64 * 1024 * 1024
TEXT_FORMATS = ("text", "html")


class SourceError(Exception):
    """A file that cannot be read as a report. The message says why and what to do."""


def size_limit(fmt: str) -> int:
    """The largest file of format ``fmt`` that is read."""
    return MAX_TEXT_BYTES if fmt in TEXT_FORMATS else MAX_BYTES


def _too_big(size: int, fmt: str) -> str:
    limit = size_limit(fmt)
    kind = "a text report" if fmt in TEXT_FORMATS else "a report file"
    return (f"file is {size / 2**20:.1f} MiB, more than the {limit // 2**20} MiB {kind} can be; "
            "check it is a report (split it if it holds several)")


def describe_os_error(e: OSError, what: str = "file") -> str:
    """One line for an operating-system error on a file or folder: the cause and what to do."""
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied; make the {what} readable (chmod u+r) or run as its owner"
    if e.errno == errno.ELOOP:
        return "symbolic link loop; fix or remove the link"
    if e.errno == errno.ENOENT:
        return f"no such {what} (moved or deleted while zibo ran?)"
    if e.errno == errno.EISDIR:
        return "is a folder"
    if e.errno == errno.EIO:
        return "input/output error reading it; the disk or network share may be failing"
    return f"cannot read: {e.strerror or e}"


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, within the size limit for its format.

    Raises :class:`SourceError` for a file that is not a regular file (a pipe, a
    device: opened without blocking, never read), is too large, or cannot be read.
    The limit is checked on the size before reading and again on what was read, so
    a file that grows meanwhile cannot exhaust memory either.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise SourceError(describe_os_error(e)) from None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise SourceError("is a folder, not a file")
            if not stat.S_ISREG(st.st_mode):
                raise SourceError("not a regular file (a pipe, socket or device); copy the report to a file")
            if st.st_size > MAX_BYTES:
                raise SourceError(_too_big(st.st_size, "binary"))
            head = f.read(4096)
            fmt = sniff_format(Path(path), head)
            limit = size_limit(fmt)
            if st.st_size > limit:
                raise SourceError(_too_big(st.st_size, fmt))
            # as many bytes as the file has (a read of the limit would allocate the whole limit,
            # 64 MiB, for every file), then whatever it grew by meanwhile, up to the limit
            data = head + f.read(max(0, min(limit, st.st_size) + 1 - len(head)))
            if len(data) > st.st_size:
                data += f.read(limit + 1 - len(data))
        except OSError as e:
            raise SourceError(describe_os_error(e)) from None
    if len(data) > limit:
        raise SourceError(_too_big(len(data), fmt))
    return data


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
    text = _decode_cut_tail(data, "utf-8", warnings)
    if text is not None:
        return text, "utf-8", warnings
    utf16 = _utf16_without_bom(data, warnings)
    if utf16:
        return data[: len(data) // 2 * 2].decode(utf16, errors="replace"), utf16, warnings
    if b"\x00" in data[:8192]:
        raise SourceError("binary data (it holds NUL bytes), not a text report; "
                          "if it is a report, save it as UTF-8 text")
    text = _mostly_utf8(data)
    if text is not None:
        bad = text.count("\ufffd")
        warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced by \ufffd (a damaged download?)")
        return text, "utf-8", warnings
    text = _decode_cut_tail(data, "gb18030", warnings)
    if text is not None:
        return text, "gb18030", warnings
    try:
        return data.decode("big5"), "big5", warnings
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for files nothing else reads

    best = from_bytes(data[: 256 * 1024]).best()
    if best is None or best.encoding is None:
        raise SourceError("not text (binary data or an unknown encoding); "
                          "if it is a report, save it as UTF-8 text")
    enc = "gb18030" if best.encoding.lower() in ("gb2312", "gbk", "hz") else best.encoding
    text = data.decode(enc, errors="replace")
    if _monotonous(text):  # a guess at a fill pattern (\x01\xff repeated read as ǿǿǿ)
        raise SourceError("not text (the same few bytes over and over); if it is a report, save it as UTF-8 text")
    warnings.append(f"encoding guessed as {enc}; some characters may be wrong")
    return text, enc, warnings


def _monotonous(text: str) -> bool:
    """Text of hundreds of characters made of a handful of different ones is no writing."""
    sample = text[:4096]
    return len(sample) >= 256 and len(set(sample) - set(" \t\r\n")) < 6


def _decode_cut_tail(data: bytes, enc: str, warnings: list[str]) -> str | None:
    """Decode strictly, or None; a file cut inside its last character still counts (with a warning)."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        cut = e.reason in ("unexpected end of data", "incomplete multibyte sequence")
        if cut and e.end >= len(data) and e.start >= len(data) - 3:
            try:
                text = data[: e.start].decode(enc)
            except UnicodeDecodeError:
                return None
            warnings.append("the file ends inside a character (truncated?); the last bytes were dropped")
            return text
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes: the text with U+FFFD for them, or None when not UTF-8.

    Accepted only when good multi-byte sequences outnumber the bad ones many times over,
    so a GBK file with a little Chinese in it is not read as UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad:
        return None
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # the characters past ASCII, less the bad
    return text if good >= 50 * bad else None


def _utf16_without_bom(data: bytes, warnings: list[str] | None = None) -> str | None:
    """Recognise UTF-16 text without a BOM: the byte order whose decoding reads as text.

    Text files hold line breaks and digits, which UTF-16 writes with a NUL byte; data
    without any NUL is not taken for UTF-16 (ASCII letter pairs would read as CJK).
    Parity alone misleads: ASCII puts its NULs on one side, 一 (U+4E00) on the other.
    """
    whole = data[: len(data) // 2 * 2]  # an odd length is a file cut mid-character
    sample = whole[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    best: tuple[float, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        text = sample.decode(enc, errors="replace")
        score = _plausible(text)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, enc)
    if best is None:
        return None
    if warnings is not None and len(whole) < len(data):
        warnings.append("the file ends inside a character (truncated?); the last bytes were dropped")
    return best[1]


def _plausible(text: str) -> float:
    """The share of characters a Chinese report is made of (CJK, ASCII, CJK punctuation), or 0
    when too few of them are letters or digits: text is words, not a run of one punctuation
    mark (\\x01\\xff repeated reads as ！！！ in UTF-16)."""
    if not text:
        return 0.0
    ok = sum(1 for c in text
             if " " <= c <= "~" or c in "\t\n\r" or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
             or "\uff01" <= c <= "\uffee" or "\u2010" <= c <= "\u2027" or c == "\u00b7")
    words = sum(1 for c in text if c.isalnum())
    if words < 0.3 * len(text.strip()):
        return 0.0
    return ok / len(text)


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
    (b"SQLite format 3\x00", "sqlite"),
    (b"\x7fELF", "elf"),
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
        raise SourceError("binary data, not a text report; if it is a report, save it as UTF-8 text")
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
    "sqlite": "a SQLite database, not a report (to query a zibo database, pass it with --db)",
    "elf": "a program (ELF executable), not a report",
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
        except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):
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
    path = Path(path)
    if data is None:
        data = read_file_bytes(path)
    if not data.strip():
        raise SourceError("empty file; nothing to ingest (was the download incomplete?)")
    fmt = _refine(sniff_format(path, data[:4096]), path, data)
    if len(data) > size_limit(fmt):
        raise SourceError(_too_big(len(data), fmt))
    if fmt in _UNSUPPORTED:
        raise SourceError(_UNSUPPORTED[fmt])
    if fmt in ("docx", "xlsx"):
        check_package(data, fmt)
    reader = READERS.get(fmt)
    if reader is None:
        raise SourceError(f"{fmt.upper()} files are not supported yet; save the report as text")
    try:
        return reader(path, data)
    except NotImplementedError as e:  # zipfile: a newer zip version, strong encryption …
        raise SourceError(f"a .{fmt} file that uses a zip feature zibo cannot read ({e}); open and save it "
                          "again in Office, WPS or LibreOffice") from None
    except RecursionError:  # a library that recurses on nesting (MIME parts, XML, PDF objects)
        raise SourceError("nested too deeply to read (thousands of levels: a hostile or broken file)") from None


# An Office file is a ZIP archive: what it unpacks to is bounded, as what it is on disk is.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_MERGED_CELLS = 1_000_000  # cells one merged range of a sheet may cover
MAX_SHEET_CELLS = 5_000_000  # cells a sheet's used range may span


def check_package(data: bytes, fmt: str) -> None:
    """Refuse an Office file that would unpack to too much (a 1 MB .docx that unpacks to 300 MB)
    or, for .xlsx, a merged range or a used range over a sheet of millions of cells (each cell
    would be built in memory), before any reader opens it."""
    import zipfile
    from io import BytesIO

    try:
        z = zipfile.ZipFile(BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the reader says it is damaged
    except NotImplementedError as e:  # a zip version or feature the zipfile module does not read
        raise SourceError(f"a .{fmt} file that uses a zip feature zibo cannot read ({e}); open and save it "
                          "again in Office, WPS or LibreOffice") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise SourceError(f"a .{fmt} file that unpacks to {total // (1024 * 1024)} MiB (more than "
                          f"{MAX_UNPACKED // (1024 * 1024)} MiB); too large to read safely")
    _check_inflated(data, infos, fmt)
    if fmt != "xlsx":
        return
    for info in infos:
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        try:
            with z.open(info) as f:
                head = f.read(1 << 20)  # <dimension> comes first; <mergeCells> is read below
                rest = f.read() if b"mergeCell" not in head else b""
        except Exception:  # BadZipFile, zlib.error, EOFError …: a damaged member
            return  # the reader says the file is damaged
        xml = head + rest
        refs = [(r, MAX_MERGED_CELLS) for r in re.findall(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)]
        refs += [(r, MAX_SHEET_CELLS) for r in re.findall(rb'<dimension ref="([A-Z]+\d+:[A-Z]+\d+)"', head)]
        for ref, limit in refs:
            cells = _range_cells(ref.decode())
            if cells > limit:
                raise SourceError(f"an .xlsx sheet with a range of {cells:,} cells ({ref.decode()}); too "
                                  "large to read safely: remove the merge or the empty formatted cells and save again")


def _check_inflated(data: bytes, infos: list, fmt: str) -> None:
    """Inflate every member once, a megabyte at a time, counting what comes out: a member that
    gives more than its zip directory says (a bomb that understates its sizes) is refused as soon
    as it does, so no more than the declared sizes (bounded above) is ever inflated. The
    readers' libraries inflate a member whole, trusting the directory until the CRC check at
    its end (a .docx that said 1 KB reached 2 GB first)."""
    import struct
    import zipfile
    import zlib

    view = memoryview(data)
    for info in infos:
        start = info.header_offset
        if view[start:start + 4] != b"PK\x03\x04":
            return  # the reader says it is damaged
        name_len, extra_len = struct.unpack("<HH", view[start + 26:start + 30])
        body = view[start + 30 + name_len + extra_len:][:info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            continue  # stored: as large as it is, and that is bounded by the file's size
        if info.compress_type != zipfile.ZIP_DEFLATED:
            continue  # the reader refuses a method it cannot read
        inflater = zlib.decompressobj(-15)
        out = 0
        try:
            for at in range(0, len(body), 1 << 16):
                piece = inflater.decompress(body[at:at + (1 << 16)], 1 << 20)
                out += len(piece)
                while inflater.unconsumed_tail and out <= info.file_size:
                    out += len(inflater.decompress(inflater.unconsumed_tail, 1 << 20))
                if out > info.file_size or inflater.eof:
                    break
        except zlib.error:
            return  # the reader says it is damaged
        if out > info.file_size:
            raise SourceError(f"a .{fmt} file whose zip directory understates its sizes ({info.filename} "
                              f"inflates to more than the {info.file_size:,} bytes it declares); a hostile or "
                              "broken file, not read")


def _range_cells(ref: str) -> int:
    def col(s: str) -> int:
        n = 0
        for ch in s:
            n = n * 26 + ord(ch) - 64
        return n

    (c1, r1), (c2, r2) = (re.match(r"([A-Z]+)(\d+)", part).groups() for part in ref.split(":"))
    return (abs(int(r2) - int(r1)) + 1) * (abs(col(c2) - col(c1)) + 1)
