"""Reports from the web: ``zibo ingest URL`` fetches a page (and with ``--attachments`` the
report files it links to) so that the rest of ingest reads it like a file.

    from zibo_cli.fetch import fetch
    page = fetch("https://www.zibo.gov.cn/art/2024/7/31/art_123.html")
    page.name, page.content_type, len(page.data)

Only http and https; a timeout for the whole fetch, a size limit, at most a few redirects
(each to http or https again); a body shorter than it said is an error. A failure raises
:class:`FetchError` with one line saying why.
The standard library's ``urllib`` does the work: no dependency for a few requests.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .errors import ZiboError

__all__ = ["Fetched", "FetchError", "fetch", "is_url", "attachment_links", "link_refused", "TIMEOUT", "MAX_BYTES",
           "MAX_REDIRECTS", "ATTACHMENT_EXTENSIONS"]

TIMEOUT = 30.0  # seconds a whole fetch may take: connecting, headers, body (ZIBO_FETCH_TIMEOUT)
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


def browser_url(url: str) -> str:
    """The address as a browser sends it: a host in IDNA, the path and query in UTF-8 with %XX
    for what is not ASCII (or a space); what is already %-encoded stays (/files/上半年.docx →
    /files/%E4%B8%8A%E5%8D%8A%E5%B9%B4.docx). The #fragment is not sent."""
    from urllib.parse import quote, urlunsplit

    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    netloc = parts.netloc
    if host and not host.isascii():
        try:
            netloc = netloc.replace(host, host.encode("idna").decode("ascii"))
        except UnicodeError:
            pass
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


class _Expired(BaseException):
    """The whole fetch took longer than its timeout (raised by the alarm, wherever it waits)."""


def _whole_fetch_deadline(seconds: float):
    """Raise :class:`_Expired` after ``seconds`` in whatever the fetch is waiting on (connect,
    headers, a body sent a byte at a time): SIGALRM, in the main thread. Elsewhere the read
    loop checks the time between reads, each read bounded by the socket's timeout."""
    from .alarm import alarm

    return alarm(seconds, _Expired)


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None,
          max_redirects: int = MAX_REDIRECTS, check=None) -> Fetched:
    """GET ``url``; raise :class:`FetchError` when it cannot be had whole within ``timeout``
    seconds (the whole fetch: connecting, the headers and every byte of the body). ``check``:
    a function of an address (the first and each redirect's) giving why it may not be fetched,
    or None."""
    import time

    given = url
    url = browser_url(url)
    _check_scheme(url)
    if check is not None and (why := check(url)):
        raise FetchError(f"{given}: {why}")
    timeout = timeout if timeout is not None else _setting("ZIBO_FETCH_TIMEOUT", TIMEOUT)
    max_bytes = max_bytes if max_bytes is not None else int(_setting("ZIBO_FETCH_MAX_BYTES", MAX_BYTES))
    counter = [0]  # body bytes come so far
    try:
        with _whole_fetch_deadline(timeout):
            deadline = time.monotonic() + timeout
            return _get(given, url, timeout, deadline, max_bytes, max_redirects, check, counter)
    except (_Expired, TimeoutError):
        got = counter[0]
    if got:
        raise FetchError(f"{given}: not complete within {timeout:g} s ({got:,} bytes came); ZIBO_FETCH_TIMEOUT "
                         "bounds the whole download") from None
    raise FetchError(f"{given}: no answer within {timeout:g} s (ZIBO_FETCH_TIMEOUT)") from None


def _get(given: str, url: str, timeout: float, deadline: float, max_bytes: int, max_redirects: int,
         check, counter: list[int]) -> Fetched:
    import http.client
    import time
    import urllib.error
    import urllib.request

    def refuse_target(req, headers) -> None:
        location = headers.get("location") or headers.get("uri")
        if not location:
            return
        target = urljoin(req.full_url, location)
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise FetchError(f"{given}: redirected to {target}; only http and https addresses can be fetched")
        if check is not None and (why := check(browser_url(target))):
            raise FetchError(f"{given}: redirected to {target}: {why}")

    class Redirects(urllib.request.HTTPRedirectHandler):
        seen = 0

        def http_error_302(self, req, fp, code, msg, headers):
            refuse_target(req, headers)  # (urllib would call a file: target a loop)
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            Redirects.seen += 1
            if Redirects.seen > max_redirects:
                raise FetchError(f"{given}: more than {max_redirects} redirects; not followed")
            newurl = browser_url(urljoin(req.full_url, newurl))
            _check_scheme(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": "zibo (report reader)", "Accept": "*/*"})
    limit = f"the {max_bytes / 2**20:g} MiB limit (ZIBO_FETCH_MAX_BYTES)"
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            expected = int(length) if length and length.strip().isdigit() else None
            if expected is not None and expected > max_bytes:
                raise FetchError(f"{given}: {expected / 2**20:.1f} MiB, more than {limit}")
            parts: list[bytes] = []
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _Expired
                if response.fp is not None and getattr(response.fp, "raw", None) is not None:
                    try:
                        response.fp.raw._sock.settimeout(min(timeout, left))
                    except (AttributeError, OSError):
                        pass
                chunk = response.read1(65536)
                if not chunk:
                    break
                parts.append(chunk)
                counter[0] += len(chunk)
                if counter[0] > max_bytes:
                    raise FetchError(f"{given}: more than {limit}")
            data = b"".join(parts)
            if expected is not None and len(data) < expected:
                raise FetchError(f"{given}: incomplete download: the connection ended after {len(data):,} of "
                                 f"{expected:,} bytes; nothing of it stored")
            final = response.geturl()
            ctype = (response.headers.get_content_type() if response.headers.get("Content-Type") else None)
            disposition = response.headers.get_filename()
    except (FetchError, _Expired):
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:  # urllib stops a loop of redirects itself
            raise FetchError(f"{given}: the redirects go round in a loop (or more than {max_redirects}); "
                             "not followed") from None
        reason = " ".join(str(e.reason).split())
        raise FetchError(f"{given}: the server answered {e.code} {reason}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise TimeoutError from None
        raise FetchError(f"{given}: cannot connect ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise
    except http.client.IncompleteRead as e:
        raise FetchError(f"{given}: incomplete download: the body broke off or ended early (after "
                         f"{counter[0] + len(e.partial):,} bytes); nothing of it stored") from None
    except http.client.BadStatusLine:  # (RemoteDisconnected too)
        raise FetchError(f"{given}: the server did not answer in HTTP (is it a web server?)") from None
    except http.client.HTTPException as e:  # more than 100 headers, a line too long …
        raise FetchError(f"{given}: not a valid HTTP answer ({' '.join(str(e).split()) or type(e).__name__})") \
            from None
    except (OSError, ValueError) as e:  # a broken connection, a malformed address
        raise FetchError(f"{given}: {getattr(e, 'strerror', None) or e}") from None
    return Fetched(given, final, data, ctype, _file_name(final, ctype, disposition))


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


def _local_name(name: str, limit: int = 200) -> str:
    """A file name safe to write here: no separators or control characters, at most ``limit``
    bytes in UTF-8 (a file system takes 255), its extension kept."""
    name = re.sub(r"[\\/\x00-\x1f]", "_", name) or "download"
    if len(os.fsencode(name)) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    ext = "." + ext if dot and len(ext) <= 8 else ""
    stem = name[: len(name) - len(ext)]
    while stem and len(os.fsencode(stem + "…" + ext)) > limit:
        stem = stem[:-1]
    return stem + "…" + ext


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
    from .ingest import Found

    folder = Path(folder)
    out: list = []
    counter = iter(range(1, 1_000_000))

    def relpath(url: str, name: str) -> str:
        """What the document is known by when names repeat: the address's host and folder, then
        its name (example.org/tj/2024/page.html)."""
        parts = urlsplit(url)
        return f"{parts.netloc}{parts.path.rsplit('/', 1)[0]}/{name}"

    def keep(got: Fetched, linked_from: str | None, name: str | None = None, page_meta: dict | None = None) -> None:
        where = folder / str(next(counter))
        name = name or got.name
        path = where / _local_name(name)
        try:
            where.mkdir(parents=True)
            path.write_bytes(got.data)
        except OSError as e:  # a full disk: this address fails, the others go on
            failed(got.url, FetchError(f"cannot keep the download: {e.strerror or e}"), linked_from, name)
            return
        out.append(Found(path, None, relpath(got.url, name), source=got.url, linked_from=linked_from, name=name,
                         page_meta=page_meta))

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
        links = attachment_links(page.data, page.final_url)
        meta = _page_meta(page) if links else None

        def check(address: str, page_url: str = page.final_url) -> str | None:  # (each redirect's too)
            return link_refused(address, page_url)

        for address, label in links:
            try:
                got = fetch(address, check=check)
            except FetchError as e:
                failed(address, e, url, label)
                continue
            keep(got, url, label if label and "." in label else None, meta)
    return out


def _address_kind(url: str) -> str | None:
    """"loopback", "link-local" or "private" for an address on such a host (by its IP, or each IP
    its name resolves to: the most local one counts), None for a public one or one that does not
    resolve (its fetch then fails as it would)."""
    import ipaddress
    import socket

    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        ips = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            ips = [ipaddress.ip_address(info[4][0].split("%", 1)[0])
                   for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)]
        except (OSError, UnicodeError, ValueError):
            return None
    kinds = set()
    for ip in ips:
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if ip.is_loopback or ip.is_unspecified:  # 0.0.0.0 reaches this machine too
            kinds.add("loopback")
        elif ip.is_link_local:
            kinds.add("link-local")
        elif ip.is_private or ip.is_reserved or ip.is_multicast:
            kinds.add("private")
    return next((k for k in ("loopback", "link-local", "private") if k in kinds), None)


def link_refused(link: str, page: str) -> str | None:
    """Why a page's link may not be fetched, or None: a link to a loopback, link-local (the cloud's
    169.254.169.254) or private address is fetched only from a page on that kind of address
    too (an intranet page may link to its intranet; a public page may not send zibo there)."""
    kind = _address_kind(link)
    if kind is None or kind == _address_kind(page):
        return None
    return f"a {kind} address linked from a page elsewhere; not fetched"


def _page_meta(page: Fetched) -> dict | None:
    """The published date and publisher a page states (发布日期、来源), for its attachments, which
    seldom state their own."""
    try:
        from .extract.metadata import extract_metadata
        from .normalize import normalize
        from .sources import read_source

        source = read_source(Path(page.name if page.name.lower().endswith((".html", ".htm")) else "page.html"),
                             page.data)
        meta = extract_metadata(normalize(source.text).text, source)
    except Exception:  # a page that does not read: its attachments go on without
        return None
    return {"published": meta.published, "publisher": meta.publisher}
