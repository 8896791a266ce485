"""Word ``.docx`` files (python-docx): paragraphs and tables in document order.

Paragraphs become lines; each table becomes TAB-separated rows in the text and a
table in ``SourceText.tables``. python-docx repeats a merged cell's text in
every grid cell it covers, which is what the table rule wants (see
``readers.tables``); a cell merged across the whole row stays in the first
column. Page headers, footers and text boxes are not read.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..models import SourceText
from .tables import Block, assemble

__all__ = ["read"]


def _rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        texts = [c.text for c in cells]
        if len(cells) > 1 and all(c._tc is cells[0]._tc for c in cells):
            texts = [texts[0]] + [""] * (len(cells) - 1)  # one cell across the whole row
        rows.append(texts)
    return rows


def read(path: Path, data: bytes) -> SourceText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from ..sources import SourceError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise SourceError(f"not a readable Word .docx file ({e}); open and save it again in Word "
                          "or LibreOffice") from None
    except Exception as e:  # zipfile.BadZipFile, lxml errors: a damaged file
        raise SourceError(f"a damaged .docx file ({type(e).__name__}); open and save it again") from None
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.append(Block(rows=_rows(item)))
        else:
            blocks.append(Block(text=item.text))
    text, tables = assemble(blocks)
    if not text.strip():
        raise SourceError("a .docx file without text (only pictures?); a scanned report needs OCR first")
    return SourceText(text=text, encoding="docx", format="docx", tables=tables)
