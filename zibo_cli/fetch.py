"""Reports from the web: ``zibo ingest URL`` fetches a page (and with ``--attachments`` the
report files it links to) so that the rest of ingest reads it like a file.

    from zibo_cli.fetch import fetch
    page = fetch("https://www.zibo.gov.cn/art/2024/7/31/art_123.html")
    page.name, page.content_type, len(page.data)

Only http and https; a timeout for each read, a size limit, at most a few redirects (each
to http or https again). A failure raises :class:`FetchError` with one line saying why.
The standard library's ``urllib`` does the work: no dependency for a few requests.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from .errors import ZiboError

__all__ = ["Fetched", "FetchError", "fetch", "is_url", "attachment_links", "TIMEOUT", "MAX_BYTES",
           "MAX_REDIRECTS", "ATTACHMENT_EXTENSIONS"]

TIMEOUT = 30.0  # seconds a connection or a read may take (ZIBO_FETCH_TIMEOUT)
MAX_BYTES = 50 * 2**20  # a report larger than this is refused (ZIBO_FETCH_MAX_BYTES)
MAX_REDIRECTS = 5
ATTACHMENT_EXTENSIONS = (".doc", ".docx", ".xls", ".xlsx", ".pdf", ".wps")
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "application/pdf": ".pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
          "application/msword": ".doc", "application/vnd.ms-excel": ".xls"}


class FetchError(ZiboError):
    """A page or file that could not be fetched (one line: the address and why)."""


@dataclass
class Fetched:
    url: str  # the address asked for
    final_url: str  # where the redirects ended
    data: bytes
    content_type: str | None
    name: str  # a file name for it: from the response, else from the address



def is_url(text: str) -> bool:
    """Does ``text`` look like an address (``scheme://…``) rather than a file path?"""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text))


def _setting(name: str, default: float) -> float:
    try:
        return max(0.1, float(os.environ.get(name, default)))
    except ValueError:
        return default


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https addresses can be fetched (not {scheme}:)")


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None,
          max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET ``url``; raise :class:`FetchError` when it cannot be had whole."""
    import urllib.error
    import urllib.request

    _check_scheme(url)
    timeout = timeout if timeout is not None else _setting("ZIBO_FETCH_TIMEOUT", TIMEOUT)
    max_bytes = max_bytes if max_bytes is not None else int(_setting("ZIBO_FETCH_MAX_BYTES", MAX_BYTES))

    class Redirects(urllib.request.HTTPRedirectHandler):
        seen = 0

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            Redirects.seen += 1
            if Redirects.seen > max_redirects:
                raise FetchError(f"{url}: more than {max_redirects} redirects; not followed")
            _check_scheme(urljoin(req.full_url, newurl))
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": "zibo (report reader)", "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: {int(length) / 2**20:.1f} MiB, more than the {max_bytes / 2**20:g} MiB "
                                 "limit (ZIBO_FETCH_MAX_BYTES)")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"{url}: more than the {max_bytes / 2**20:g} MiB limit (ZIBO_FETCH_MAX_BYTES)")
            final = response.geturl()
            ctype = (response.headers.get_content_type() if response.headers.get("Content-Type") else None)
            disposition = response.headers.get_filename()
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:  # urllib stops a loop of redirects itself
            raise FetchError(f"{url}: the redirects go round in a loop (or more than {max_redirects}); "
                             "not followed") from None
        reason = " ".join(str(e.reason).split())
        raise FetchError(f"{url}: the server answered {e.code} {reason}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"{url}: no answer within {timeout:g} s (ZIBO_FETCH_TIMEOUT)") from None
        raise FetchError(f"{url}: cannot connect ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {timeout:g} s (ZIBO_FETCH_TIMEOUT)") from None
    except (OSError, ValueError) as e:  # a broken connection, a malformed address
        raise FetchError(f"{url}: {getattr(e, 'strerror', None) or e}") from None
    return Fetched(url, final, data, ctype, _file_name(final, ctype, disposition))


def _file_name(url: str, content_type: str | None, disposition: str | None) -> str:
    """A file name: the server's (Content-Disposition), else the address's last part (or its
    ``filename=`` parameter), with the extension its type gives when it has none."""
    parts = urlsplit(url)
    name = disposition or unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    query_name = re.search(r"(?:^|&)(?:file)?name=([^&]+)", parts.query)
    if query_name and "." in unquote(query_name[1]) and not re.search(r"\.\w{2,5}$", name or ""):
        name = unquote(query_name[1]).rsplit("/", 1)[-1]
    name = re.sub(r"[\\/\x00-\x1f]", "_", name or "") or parts.netloc or "page"
    ext = _TYPES.get(content_type or "")
    if ext and not name.lower().endswith(ext) and not (ext == ".html" and name.lower().endswith(".htm")):
        if not re.search(r"\.(?:html?|txt|pdf|docx?|xlsx?|wps)$", name, re.I) or ext == ".html":
            name += ext
    return name


def attachment_links(page: bytes | str, base_url: str) -> list[tuple[str, str | None]]:
    """The report files a page links to: (absolute address, the name its link gives or None), in
    page order, each once. Files are .doc/.docx/.xls/.xlsx/.pdf/.wps by the address or by the
    link's text (附件：2024年…完成情况.docx → /download?id=5)."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    if isinstance(page, bytes):
        from .sources import decode_bytes

        page = decode_bytes(page)[0]
    tree = HTMLParser(page)
    out: dict[str, str | None] = {}
    ext = "|".join(e.lstrip(".") for e in ATTACHMENT_EXTENSIONS)
    by_address = re.compile(rf"\.(?:{ext})(?:[?#].*)?$", re.I)
    by_text = re.compile(rf"\S\.(?:{ext})\s*$", re.I)
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        text = re.sub(r"\s+", " ", a.text(deep=True)).strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        if not (by_address.search(href) or by_text.search(text)):
            continue
        address = urljoin(base_url, href)
        if urlsplit(address).scheme.lower() not in ("http", "https"):
            continue
        name = re.sub(r"^\d+\s*[.、．]\s*", "", text) if by_text.search(text) else None
        out.setdefault(address.split("#", 1)[0], name)
    return list(out.items())


def found_from_urls(urls: list[str], folder, attachments: bool = False) -> list:
    """Fetch each address (and with ``attachments`` the report files each page links to) into
    ``folder``; return them as :class:`zibo_cli.ingest.Found` items for ``ingest_found``, a
    failed fetch as an item with its error (the others still go on)."""
    from pathlib import Path

    from .ingest import Found

    folder = Path(folder)
    out: list = []
    counter = iter(range(1, 1_000_000))

    def relpath(url: str, name: str) -> str:
        """What the document is known by when names repeat: the address's host and folder, then
        its name (example.org/tj/2024/page.html)."""
        parts = urlsplit(url)
        return f"{parts.netloc}{parts.path.rsplit('/', 1)[0]}/{name}"

    def keep(got: Fetched, linked_from: str | None, name: str | None = None) -> None:
        where = folder / str(next(counter))
        where.mkdir(parents=True)
        name = name or got.name
        path = where / re.sub(r"[\\/\x00-\x1f]", "_", name)[-200:]
        path.write_bytes(got.data)
        out.append(Found(path, None, relpath(got.url, name), source=got.url, linked_from=linked_from, name=name))

    def failed(url: str, error: FetchError, linked_from: str | None, name: str | None = None) -> None:
        message = str(error)
        if message.startswith(url + ": "):
            message = message[len(url) + 2:]
        parts = urlsplit(url)
        name = name or unquote(parts.path.rsplit("/", 1)[-1]) or parts.netloc or "page"
        out.append(Found(Path(name), message, relpath(url, name), source=url, linked_from=linked_from, name=name))

    for url in urls:
        try:
            page = fetch(url)
        except FetchError as e:
            failed(url, e, None)
            continue
        keep(page, None)
        if not attachments:
            continue
        for address, label in attachment_links(page.data, page.final_url):
            try:
                got = fetch(address)
            except FetchError as e:
                failed(address, e, url, label)
                continue
            keep(got, url, label if label and "." in label else None)
    return out
