"""MHT / MHTML ("single file web page"): a MIME message holding an HTML page.

Word saves these, and some sites serve them with a ``.doc`` name. The HTML part
is decoded (its transfer encoding and charset) and read as an HTML page.
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from ..models import SourceText

__all__ = ["read", "MAX_MULTIPARTS"]

MAX_MULTIPARTS = 100


def read(path: Path, data: bytes) -> SourceText:
    from ..sources import SourceError
    from .html import read as read_html

    # A saved page is one multipart (two or three when Word nests them); the email parser takes
    # time quadratic in the nesting and recurses on it, so a file of hundreds is refused first.
    if len(re.findall(rb"(?i)boundary\s*=", data)) > MAX_MULTIPARTS:
        raise SourceError(f"an MHT web archive nested too deeply (over {MAX_MULTIPARTS} multipart levels); "
                          "a hostile or broken file, not read")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not payload:
            continue
        charset = part.get_content_charset()
        if charset and b"charset" not in payload[:4096].lower():
            # tell the HTML reader the charset the MIME header gave
            payload = f'<meta charset="{charset}">'.encode("ascii") + payload
        source = read_html(path, payload)
        source.format = "mht"
        return source
    raise SourceError("an MHT web archive without an HTML page in it")
