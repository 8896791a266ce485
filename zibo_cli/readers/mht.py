"""MHT / MHTML ("single file web page"): a MIME message holding an HTML page.

Word saves these, and some sites serve them with a ``.doc`` name. The HTML part
is decoded (its transfer encoding and charset) and read as an HTML page.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from ..models import SourceText

__all__ = ["read"]


def read(path: Path, data: bytes) -> SourceText:
    from ..sources import SourceError
    from .html import read as read_html

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
