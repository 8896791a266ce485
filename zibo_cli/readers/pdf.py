"""PDF files with a text layer (pdfplumber).

A PDF holds characters at positions, not paragraphs; this reader puts the
paragraphs and tables back together from the geometry:

* Lines: characters grouped by baseline (duplicates of fake-bold text dropped,
  rotated watermark text skipped); a space only between Latin letters or digits
  set apart, never next to Chinese.
* Page furniture: page numbers (``- 3 -``, ``第3页``, ``3/12``) and lines repeated
  at the top or bottom of several pages are dropped.
* Paragraphs: a line that runs to the right margin (the next line's first
  character would not have fitted) continues on the next line, also across a
  page break, unless the next line is indented or starts a heading (一、 （一） 1.);
  a title set in a larger font over two lines is one line.
* Tables (ruled ones, as task tables are): read cell by cell into a grid, merged
  cells repeated (see ``readers.tables``); a cell's wrapped lines are joined, its
  hard line breaks kept as a space. A table that goes on over the next page is one
  table: the repeated header row is dropped and a row cut by the page break is
  joined back together.

A PDF without any text (a scan) is refused with a message saying to run OCR; a
PDF with some pages without text is read with a warning naming those pages.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from ..models import SourceText
from .tables import Block, Cell, assemble, grid

__all__ = ["read"]

_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_PAGE_NO_RE = re.compile(r"^(?:[-—–−－_\s]*\d{1,4}[-—–−－_\s]*|第\s*\d+\s*页.*|\d+\s*/\s*\d+|page\s*\d+.*)$", re.I)
_BLOCK_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十\d]+[章节部条]"
    r"|附件|附表)"
)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_width: float  # width of what must start the line: its first word or character
    page: int = 0
    page_height: float = 0.0


@dataclass
class TableItem:
    rows: list[list[str]]
    top: float
    bottom: float
    page: int


@dataclass
class _Page:
    items: list = field(default_factory=list)  # Line | TableItem, in reading order


def _is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def _lines_from_chars(chars: list[dict]) -> list[Line]:
    """Group characters into lines by their vertical position, left to right."""
    chars = [c for c in chars if c.get("upright", True) and c["text"].strip()]
    if not chars:
        return []
    chars.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
    groups: list[list[dict]] = []
    for c in chars:
        size = c.get("size") or (c["bottom"] - c["top"])
        mid = (c["top"] + c["bottom"]) / 2
        for g in reversed(groups[-3:]):
            gmid = (g[0]["top"] + g[0]["bottom"]) / 2
            if abs(gmid - mid) <= max(size, 1) * 0.5:
                g.append(c)
                break
        else:
            groups.append([c])
    lines = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        sizes = [c.get("size") or (c["bottom"] - c["top"]) for c in g]
        size = statistics.median(sizes)
        out = [g[0]["text"]]
        for prev, c in zip(g, g[1:], strict=False):
            gap = c["x0"] - prev["x1"]
            if (gap > 0.25 * size and not _is_cjk(prev["text"][-1]) and not _is_cjk(c["text"][0])) \
                    or gap > 1.5 * size:
                out.append(" ")
            out.append(c["text"])
        lines.append(Line(text="".join(out).strip(), x0=g[0]["x0"], x1=g[-1]["x1"],
                          top=min(c["top"] for c in g), bottom=max(c["bottom"] for c in g), size=size,
                          first_width=_lead_width(g)))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


_IDEOGRAPH_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NO_START = set("，。、；：？！）》」』”’%‰,.;:?!)]")  # never start a line: they go with what precedes


def _lead_width(chars: list[dict]) -> float:
    """Width of the line's first unbreakable unit: a Chinese character, or a run of Latin
    letters/digits, with the punctuation that may not start a line ("6.5%。")."""
    end = 1
    if not _IDEOGRAPH_RE.match(chars[0]["text"]):
        while end < len(chars) and not _IDEOGRAPH_RE.match(chars[end]["text"]) and chars[end]["text"].strip():
            end += 1
    while end < len(chars) and chars[end]["text"] in _NO_START:
        end += 1
    return chars[end - 1]["x1"] - chars[0]["x0"]


def _inside(c: dict, bbox: tuple[float, float, float, float]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _boundaries(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _cell_text(chars: list[dict], bbox: tuple[float, float, float, float]) -> str:
    """A cell's text: wrapped lines joined, deliberate line breaks kept as a newline."""
    lines = _lines_from_chars([c for c in chars if _inside(c, bbox)])
    if not lines:
        return ""
    right = bbox[2]
    pad = max(0.0, min(ln.x0 for ln in lines) - bbox[0])
    out = lines[0].text
    for prev, ln in zip(lines, lines[1:], strict=False):
        room = right - pad - prev.x1
        wrapped = room < ln.first_width + 0.25 * ln.size and not _unit_per_line(prev.text, ln.text)
        out += _joiner(out, ln.text, wrapped) + ln.text
    return out


# one unit a line in a 责任单位 cell: a name that happens to fill the line is not wrapped
# (in prose, units in a row are separated by 、 so 局市 does not occur)
_UNIT_END_RE = re.compile(r"(?:局|委|办|厅|室|院|会|中心|政府|集团|公司|队|处|所|社|馆|站)$")
_UNIT_START_RE = re.compile(r"^(?:市|区|县|省|各区县|[一-鿿]{2}(?:区|县|市)(?!场))")


def _unit_per_line(before: str, after: str) -> bool:
    return bool(_UNIT_END_RE.search(before) and _UNIT_START_RE.match(after))


def _joiner(before: str, after: str, wrapped: bool) -> str:
    if not before or not after:
        return ""
    a, b = before[-1], after[0]
    if a.isascii() and a.isalpha() and b.isascii() and b.isalpha():
        return " "  # English words: wrapped or not, a space
    return "" if wrapped else "\n"


def _table_grid(table, chars: list[dict]) -> list[list[str]]:
    import bisect

    boxes = [tuple(c) for c in table.cells]
    if not boxes:
        return []
    # the table's characters by vertical middle, so each cell looks only at its own band
    mine = sorted((c for c in chars if _inside(c, table.bbox)), key=lambda c: (c["top"] + c["bottom"]) / 2)
    mids = [(c["top"] + c["bottom"]) / 2 for c in mine]

    def band(b) -> list[dict]:
        return mine[bisect.bisect_left(mids, b[1]): bisect.bisect_right(mids, b[3])]
    xs = _boundaries([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _boundaries([b[1] for b in boxes] + [b[3] for b in boxes])
    cells = []
    for b in boxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(Cell(r0, c0, _cell_text(band(b), b), r1 - r0, c1 - c0))
    return grid(cells)


def _read_page(page, index: int) -> tuple[_Page, bool]:
    """The page's lines and tables in reading order; and whether it had any text."""
    try:
        page = page.dedupe_chars()
    except Exception:  # older pdfplumber, or odd pages: duplicates are harmless
        pass
    chars = list(page.chars)
    if not any(c["text"].strip() for c in chars):
        return _Page(), False
    items: list = []
    bboxes = []
    try:
        found = page.find_tables()
    except Exception:  # a malformed drawing; read the page as text
        found = []
    for t in found:
        rows = _table_grid(t, chars)
        if len(rows) >= 2 and rows and len(rows[0]) >= 2:
            bboxes.append(t.bbox)
            items.append(TableItem(rows=rows, top=t.bbox[1], bottom=t.bbox[3], page=index))
    text_chars = [c for c in chars if not any(_inside(c, b) for b in bboxes)]
    for ln in _lines_from_chars(text_chars):
        ln.page, ln.page_height = index, float(page.height)
        items.append(ln)
    items.sort(key=lambda it: it.top)
    return _Page(items=items), True


def _furniture(pages: list[_Page]) -> set[int]:
    """ids of lines that are page numbers or running headers/footers."""
    drop: set[int] = set()
    seen: dict[str, set[int]] = {}
    for p in pages:
        for it in p.items:
            if not isinstance(it, Line):
                continue
            h = it.page_height or 1
            edge = it.top < 0.1 * h or it.bottom > 0.9 * h
            if _PAGE_NO_RE.match(it.text) and (it.top < 0.15 * h or it.bottom > 0.85 * h):
                drop.add(id(it))
            elif edge:
                key = re.sub(r"\d+", "#", it.text.replace(" ", ""))
                seen.setdefault(key, set()).add(it.page)
    repeated = {k for k, pgs in seen.items() if len(pgs) >= 2}
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and id(it) not in drop:
                h = it.page_height or 1
                if (it.top < 0.1 * h or it.bottom > 0.9 * h) and \
                        re.sub(r"\d+", "#", it.text.replace(" ", "")) in repeated:
                    drop.add(id(it))
    return drop


def _merge_tables(prev: TableItem, nxt: TableItem) -> bool:
    """Append a table continued on the next page to ``prev``; False when it is another table."""
    if len(prev.rows[0]) != len(nxt.rows[0]):
        return False
    rows = nxt.rows
    if rows and rows[0] == prev.rows[0]:
        rows = rows[1:]  # the header repeated on the new page
    if rows and not rows[0][0] and any(rows[0]) and len(prev.rows) > 1:
        # a row cut by the page break: its first cell (序号) is empty on the new page
        last = prev.rows[-1]
        prev.rows[-1] = [_join_cut(a, b) for a, b in zip(last, rows[0], strict=True)]
        rows = rows[1:]
    prev.rows.extend(rows)
    return True


def _join_cut(a: str, b: str) -> str:
    """A cell cut by a page break put together: a wrapped line runs on; a finished sentence
    or a unit name (one a line in 责任单位) is followed by a line break."""
    if not a or not b or a == b:
        return a or b
    if a.rstrip()[-1] in "。！？；;!?" or _unit_per_line(a, b):
        return a + "\n" + b
    return a + _joiner(a, b, True) + b


def _margins(lines: list[Line]) -> tuple[float, float]:
    """The body text's left and right edges: the most common line starts and ends."""
    if not lines:
        return 0.0, 0.0
    lefts = [round(ln.x0) for ln in lines]
    rights = [round(ln.x1) for ln in lines if len(ln.text) >= 8] or [round(ln.x1) for ln in lines]
    left = statistics.mode(lefts)
    right_mode = max(statistics.multimode(rights))
    # ragged right: the mode may be short of the furthest lines; take the furthest common edge
    far = [r for r in rights if r >= right_mode - 2]
    return float(left), float(max(far) if far else right_mode)


def _assemble(pages: list[_Page]) -> list[Block]:
    drop = _furniture(pages)
    items = [it for p in pages for it in p.items if id(it) not in drop]
    lines = [it for it in items if isinstance(it, Line)]
    left, right = _margins(lines)
    body_size = statistics.median([ln.size for ln in lines]) if lines else 0.0
    blocks: list[Block] = []
    para: Line | None = None  # the last line of the paragraph being built
    text = ""
    last_table: TableItem | None = None

    def flush() -> None:
        nonlocal text, para
        if text:
            blocks.append(Block(text=text))
        text, para = "", None

    for it in items:
        if isinstance(it, TableItem):
            flush()
            if last_table is not None and it.page == last_table.page + 1 and _merge_tables(last_table, it):
                last_table.page = it.page
                continue
            last_table = it
            blocks.append(Block(rows=it.rows))
            continue
        if last_table is not None and it.page == last_table.page:
            last_table = None  # prose after the table on its page: a later table is a new one
        if para is not None and _continues(para, it, left, right, body_size):
            text += _joiner(text, it.text, True) + it.text
        else:
            flush()
            text = it.text
        para = it
    flush()
    return blocks


def _continues(prev: Line, ln: Line, left: float, right: float, body_size: float) -> bool:
    """Whether ``ln`` carries on the paragraph whose last line is ``prev``."""
    if _BLOCK_START_RE.match(ln.text):
        return False
    big = body_size and prev.size > body_size * 1.15
    if big:  # a title over two lines: same large size, close together, on one page
        return (abs(prev.size - ln.size) < 0.5 and ln.page == prev.page
                and ln.top - prev.bottom < prev.size * 1.2)
    if abs(prev.size - ln.size) > 0.15 * max(prev.size, 1):
        return False
    if ln.x0 > left + 0.8 * ln.size:
        return False  # indented: a new paragraph
    if prev.page == ln.page and ln.top - prev.bottom > 1.5 * max(prev.size, 1):
        return False  # a blank line between
    return right - prev.x1 < ln.first_width + 0.25 * ln.size


def _refusal(e: Exception):
    """The SourceError for an exception pdfplumber raised: an encrypted file (pdfplumber wraps
    pdfminer's PDFPasswordIncorrect in a PdfminerException) or a damaged one."""
    from ..sources import SourceError

    names = {type(x).__name__ for x in (e, e.__cause__, e.__context__, *getattr(e, "args", ())) if x is not None}
    if any("Password" in n or "Encrypt" in n for n in names):
        return SourceError("an encrypted (password-protected) PDF; open it with the password and save an "
                           "unprotected copy, then ingest that")
    return SourceError(f"a damaged PDF ({type(e).__name__}); open and save (or print to PDF) it again")


def _release(page) -> None:
    """Let go of what a page read holds: pdfplumber keeps every page's characters, objects and
    layout until the file is closed, ~2 MB a page of text, so a 3,000-page PDF took 1.5 GB; what
    the reader keeps of a page is its lines."""
    try:
        page.close()
    except Exception:  # an older pdfplumber: the memory goes with the file
        pass


def read(path: Path, data: bytes) -> SourceText:
    import pdfplumber

    from ..sources import SourceError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises many kinds: a password, a damaged file
        raise _refusal(e) from None
    warnings: list[str] = []
    pages: list[_Page] = []
    empty: list[int] = []
    try:
        for i, page in enumerate(pdf.pages):
            try:
                p, has_text = _read_page(page, i)
            except Exception as e:  # one bad page should not lose the others
                warnings.append(f"page {i + 1} could not be read ({type(e).__name__})")
                continue
            finally:
                _release(page)
            if not has_text:
                empty.append(i + 1)
            pages.append(p)
        npages = len(pdf.pages)
    except Exception as e:
        raise _refusal(e) from None
    finally:
        pdf.close()
    if npages and len(empty) == npages:
        raise SourceError("a PDF without a text layer (a scan?); run OCR first, e.g. "
                          "`ocrmypdf -l chi_sim in.pdf out.pdf`, and ingest the result")
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" …" if len(empty) > 10 else "")
        warnings.append(f"page(s) {shown} have no text layer (scanned?); their content is missing")
    blocks = _assemble(pages)
    text, tables = assemble(blocks)
    if not text.strip():
        raise SourceError("a PDF without readable text")
    return SourceText(text=text, encoding="pdf", format="pdf", tables=tables, warnings=warnings)

