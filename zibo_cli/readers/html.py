"""HTML pages as saved from a government website.

* Encoding: a byte-order mark, then the page's own ``<meta charset>`` (or
  ``http-equiv`` content type; GB2312/GBK read as GB18030), checked by decoding
  strictly; when the declaration is missing or wrong, the same guesses as for a
  text file (``sources.decode_bytes``).
* Metadata: the labelled fields of the page (索引号, 文号, 发文日期, 发布机构, 标题 …),
  whether in a table (label cell, value cell) or in a line such as
  ``发布日期：2024-11-03 来源：…``, go into ``SourceText.meta``; labels are compared
  after normalising, so traditional labels with pinyin (``發布機構``) count too.
  A metadata table is left out of the text.
* Main text: the block holding most of the page's prose (a small readability-style
  score: each paragraph's Chinese text counts for its parent and half for its
  grandparent, links count against), so navigation, side bars and footers stay out.
  Paragraphs go on their own lines, data tables become TAB-separated rows and
  ``SourceText.tables``; tables used for page layout are read as text.
* Title: the 标题 field, else the page's main heading, else ``<title>`` without
  the site name; it is the first line of the text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..models import SourceText
from .tables import Block, Cell, assemble, grid

__all__ = ["read", "declared_charset", "decode_html"]

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENC_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn", "hz-gb-2312"}


_SINGLE_BYTE = {"latin_1", "iso8859-1", "cp1252", "ascii", "iso8859-15", "cp1251", "mac-roman"}


def _declared(data: bytes) -> tuple[str, str | None] | None:
    """(the label the page gives, the Python codec for it or None), from its first bytes."""
    head = data[:8192]
    m = _CHARSET_RE.search(head) or _XML_ENC_RE.search(head)
    if not m:
        return None
    name = m[1].decode("ascii", "replace").strip().lower()
    if name in _GB:
        return name, "gb18030"
    if name in ("big5", "big5-hkscs", "cp950"):
        return name, "big5"
    try:
        return name, codecs.lookup(name).name
    except LookupError:
        return name, None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes (GB2312/GBK → gb18030), if Python knows it."""
    found = _declared(data)
    return found[1] if found else None


def _strict_utf8(data: bytes) -> str | None:
    """The page as UTF-8 when it is valid UTF-8 with non-ASCII text in it (a page cut inside its
    last character still counts). Legacy Chinese text is practically never valid UTF-8 by chance,
    so this beats what the page says: a site template often declares gb2312 over UTF-8 content."""
    if data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            try:
                return data[: e.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
    return None


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    """Decode page bytes: BOM; valid UTF-8; the declared charset (strictly, and not a Western
    single-byte one, which decodes anything); then the text-file guesses."""
    from ..sources import _mostly_utf8, decode_bytes

    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, []
    found = _declared(data)
    label, declared = found if found else (None, None)
    said = f"the page says it is {label} but is not"
    text = _strict_utf8(data)
    if text is not None:
        wrong = declared is not None and declared not in ("utf-8", "utf_8") and not data.isascii()
        return text, "utf-8", [f"{said}; read as utf-8"] if wrong else []
    if declared and declared not in _SINGLE_BYTE:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        # a few damaged bytes in a UTF-8 page may still decode as GB18030, as nonsense
        if text is not None and not (declared != "utf-8" and _mostly_utf8(data) is not None):
            return text, declared, []
    text, enc, warnings = decode_bytes(data)
    if label and enc != declared and not data.isascii():
        warnings = [f"{said}; read as {enc}", *warnings]
    return text, enc, warnings


def _parser(html: str):
    from selectolax.lexbor import LexborHTMLParser  # selectolax 1.0 has only this backend

    return LexborHTMLParser(html)


def _has(node, selector: str) -> bool:
    """Whether a descendant (not the node itself: lexbor's css() includes it) matches."""
    return any(n.mem_id != node.mem_id for n in node.css(selector))


# ---------------------------------------------------------------------------
# metadata
# ---------------------------------------------------------------------------

_LABEL_CHARS = 12  # a label cell is short


def _norm(text: str) -> str:
    from ..normalize import normalize_text

    return normalize_text(text)


def _labels() -> dict[str, str]:
    from ..extract.metadata import META_LABELS

    return META_LABELS


_FIELD_STOP = r"(?:浏览次数|点击数|访问量|阅读数|字号|字体|【|\s{2,}|$)"


def _light(text: str) -> str:
    """Simplified, pinyin-free, half-width text with its spaces kept (labels are found in it)."""
    from ..normalize import fix_compat_chars, strip_pinyin, to_simplified, unify_width

    return unify_width(to_simplified(strip_pinyin(fix_compat_chars(text))[0])[0])


def fields_in_line(text: str) -> dict[str, str]:
    """``发布日期：2024-11-03  来源：淄博市政府`` → {published: …, source: …}.

    The line must start with a label; a value ends at the next label, at a run of
    spaces, or at page furniture (浏览次数, 字号 …). Values come back normalised.
    """
    labels = _labels()
    # a label may be spread out with spaces (索 引 号, 文　　号)
    alt = "|".join(r"[ \t\u00a0\u3000]*".join(map(re.escape, k)) for k in sorted(labels, key=len, reverse=True))
    out: dict[str, str] = {}
    pattern = re.compile(rf"(?<![\u4e00-\u9fff])({alt})\s*[：:]\s*(.*?)"
                         rf"(?=\s*(?:(?:{alt})\s*[：:]|{_FIELD_STOP}))")
    text = re.sub(r"[\u00a0\u3000]", " ", _light(text)).strip()
    for m in pattern.finditer(text):
        if not out and m.start() > 0:
            return {}  # a field line starts with its label
        value = _norm(m[2]).strip()
        if value:
            out.setdefault(labels[re.sub(r"\s", "", m[1])], value)
    return out


def _label_of(cell_text: str) -> str | None:
    s = _norm(cell_text).strip().rstrip("：:").strip()
    return _labels().get(s.replace(" ", ""))


def _meta_from_tables(tree) -> tuple[dict[str, str], list]:
    """Label/value cell pairs; return the fields and the tables that were metadata tables."""
    found: dict[str, str] = {}
    meta_tables = []
    for table in tree.css("table"):
        if _has(table, "table"):
            continue  # a layout table: its inner tables are looked at on their own
        hits = 0
        for tr in table.css("tr"):
            cells = [c for c in tr.iter() if c.tag in ("td", "th")]
            for i, cell in enumerate(cells):
                text = cell.text(deep=True)
                if len(text.strip()) > _LABEL_CHARS * 3:
                    continue
                field = _label_of(text) if len(text.strip()) <= _LABEL_CHARS * 2 else None
                if field and i + 1 < len(cells):
                    value = _norm(cells[i + 1].text(deep=True)).strip()
                    hits += 1
                    if value:
                        found.setdefault(field, value)
                elif field is None:
                    inline = fields_in_line(text)
                    for k, v in inline.items():
                        found.setdefault(k, v)
                    hits += len(inline)
        if hits >= 2:
            meta_tables.append(table)
    return found, meta_tables


def _inside(node, tags: tuple[str, ...] = (), ids: set[int] | None = None) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags or (ids is not None and parent.mem_id in ids):
            return True
        parent = parent.parent
    return False


def _meta_from_lines(tree) -> tuple[dict[str, str], list]:
    """Fields written as ``label：value`` in short elements outside tables (outermost elements)."""
    found: dict[str, str] = {}
    nodes = []
    ids: set[int] = set()
    for node in tree.css("span, li, p, div, dd, dt, label, em, strong, b, font, h4, h5, h6, td, th"):
        text = node.text(deep=True)
        if not text or len(text) > 200 or "：" not in text and ":" not in text:
            continue
        if _has(node, "p, div, li, table") or _inside(node, (), ids):
            continue  # not a leaf block, or inside an element already taken
        table = _table_of(node) if node.tag not in ("td", "th") else _table_of(node.parent)
        if table is not None and _is_data_table(table):
            continue  # a cell of a data table (a layout cell is read like a div)
        fields = fields_in_line(text)
        if fields:
            nodes.append(node)
            ids.add(node.mem_id)
            for k, v in fields.items():
                found.setdefault(k, v)
    return found, nodes


# ---------------------------------------------------------------------------
# main text
# ---------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "select", "button", "input", "textarea", "map", "audio", "video")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "dl", "dt", "dd", "blockquote", "pre", "tr", "hr", "center", "form", "header",
               "footer", "figure", "figcaption", "address", "nav", "aside", "caption", "tbody", "thead",
               "tfoot", "body", "html"}
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# page furniture that sits inside the article block on many sites
_FURNITURE_RE = re.compile(
    r"^(?:【?\s*字[体号]\s*[：:].*|【?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏)\s*】?"
    r"|分享到\s*[：:]?.*|扫一扫.*|(?:责任编辑|编辑|审核|校对)\s*[：:].{0,20}|【?\s*大\s*中\s*小\s*】?)$"
)
# a line of buttons: 【打印本页】【关闭窗口】, [打印] [关闭], 【字体：大 中 小】 …
_BUTTON_WORDS_RE = re.compile(r"打印|关闭|返回顶部|收藏|分享|字[体号]")
_BUTTONS_RE = re.compile(r"【[^】]{0,16}】|\[[^\]]{0,16}\]|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|"
                         r"返回|收藏本页|收藏|加入收藏|分享到|分享|字[体号]|默认|微信|微博|QQ空间|QQ|[大中小]|"
                         r"[\s：:|｜/、，,>＞·]")
# site header and footer lines (read on simplified, pinyin-free text)
_SITE_LINE_RE = re.compile(
    r"网站标识码|ICP\s*[备证]|公网安备|版权所有|copyright|©"
    r"|^\s*(?:主办单位|承办单位|主办|承办|协办|技术支持|维护单位|运维单位|网站维护|建议使用|推荐使用)\s*[：:]"
    r"|^\s*(?:您|你)?(?:当前|现在)?(?:所在|的)?位置\s*[：:]"
    r"|^\s*(?:首页|网站首页)\s*(?:[>＞›»]|$)", re.I)
_CONTACT_RE = re.compile(r"^\s*(?:联系电话|咨询电话|电话|传真|邮编|邮政编码|地址|通讯地址|电子邮箱|邮箱|E-?mail)\s*[：:]", re.I)


def _furniture_line(text: str) -> bool:
    """Page furniture standing as a line of its own: buttons, site footer, breadcrumb, contacts."""
    t = text.strip()
    if not t:
        return True
    if _FURNITURE_RE.match(t):
        return True
    if len(t) <= 60 and _BUTTON_WORDS_RE.search(t) and not _BUTTONS_RE.sub("", t):
        return True
    light = _light(t) if len(t) <= 300 else t
    if _SITE_LINE_RE.search(light):
        return True
    return len(t) <= 100 and bool(_CONTACT_RE.match(light))


def _cjk(text: str) -> int:
    return len(_CJK_RE.findall(text))


def _link_text(node) -> int:
    return sum(_cjk(a.text(deep=True)) for a in node.css("a"))


def _table_of(node):
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _container(node):
    """Where the score of text inside ``node`` goes: a data table counts as one block."""
    if node is None:
        return None
    if node.tag in ("td", "th", "tr", "tbody", "thead", "tfoot"):
        table = _table_of(node)
        if table is not None and _is_data_table(table):
            return table
    return node


_PARA_TAGS = ("p", "li", "pre", "h1", "h2", "h3", "dd", "blockquote")
_BOX_TAGS = ("div", "section", "article", "td", "th", "main", "center", "font", "span")


def _own_text(node) -> str:
    """The text of a box that is not inside one of its block children."""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif child.tag not in _BLOCK_TAGS and child.tag not in ("table", "td", "th") and \
                not _has(child, "p, div, table, li"):
            parts.append(child.text(deep=True) or "")
    return "".join(parts)


def _main_block(body):
    """The element that holds most of the prose (None when the page has no prose).

    A paragraph's Chinese characters (less twice those in its links) count for the box
    around it and half for the box around that; a box with text of its own counts for
    itself and half for its parent. A data table is one box.
    """
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for node in body.css(", ".join(_PARA_TAGS + _BOX_TAGS)):
        if node.tag in _PARA_TAGS:
            own = node.text(deep=True)
        else:
            own = _own_text(node)
        n = _cjk(own)
        if n < 10 or len(own) <= 300 and _furniture_line(re.sub(r"\s+", " ", own)):
            continue
        links = _link_text(node) if node.tag in _PARA_TAGS else \
            sum(_cjk(c.text(deep=True)) for c in node.iter() if c.tag == "a")
        n = max(n - 2 * links, 0) + own.count("，") + own.count("。")
        if n <= 0:
            continue
        first = _container(node.parent if node.tag in _PARA_TAGS else node)
        second = _container(first.parent) if first is not None else None
        for weight, target in ((1.0, first), (0.5, second)):
            if target is None or target.tag == "html":
                continue
            key = target.mem_id
            nodes[key] = target
            scores[key] = scores.get(key, 0.0) + n * weight
    if not scores:
        return None
    node = nodes[max(scores, key=lambda k: scores[k])]
    # a data table, or an inline wrapper (<font>, <span>): take it with what stands around it
    while (node.tag == "table" or node.tag not in _BLOCK_TAGS | {"td", "th"}) and node.parent is not None:
        node = node.parent
    return node


def _is_data_table(table) -> bool:
    if _has(table, "table"):
        return False  # layout: it holds other tables
    widths = [sum(1 for c in tr.iter() if c.tag in ("td", "th")) for tr in table.css("tr")]
    return len(widths) >= 2 and max(widths, default=0) >= 2


def _table_rows(table) -> list[list[str]]:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(table.css("tr")):
        c = 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs = _span(cell.attributes.get("rowspan"))
            cs = _span(cell.attributes.get("colspan"))
            text = "\n".join(_block_lines(cell))
            cells.append(Cell(r, c, text, rs, cs))
            for i in range(r, r + rs):
                for k in range(c, c + cs):
                    taken.add((i, k))
            c += cs
    return grid(cells)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _block_lines(node) -> list[str]:
    """The text of a node, one line per block element (for cells: joined later)."""
    blocks: list[Block] = []
    _walk(node, blocks, cell_mode=True)
    return [b.text for b in blocks if b.text]


def _walk(node, blocks: list[Block], cell_mode: bool = False, buf: list[str] | None = None) -> None:
    """Append the node's content to ``blocks``: runs of inline text as one paragraph each.

    ``buf`` is the caller's pending inline text when ``node`` is an inline element
    wrapped around blocks (``<font><p>…</p></font>``): its text runs on from there.
    """
    own_buf = buf is None
    buf = [] if buf is None else buf

    def flush() -> None:
        text = re.sub(r"[ \t\r\n\f]+", " ", "".join(buf)).strip()
        buf.clear()
        if text:
            blocks.append(Block(text=text))

    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            buf.append(child.text(deep=False) or "")
        elif tag in ("br",):
            flush()
        elif tag == "table" and not cell_mode and _is_data_table(child):
            flush()
            blocks.append(Block(rows=_table_rows(child)))
        elif tag in _BLOCK_TAGS or tag in ("table", "td", "th"):
            flush()
            _walk(child, blocks, cell_mode)
            flush()
        elif not tag or tag.startswith(("-", "_", "!", "?")) or tag in _DROP_TAGS:
            continue  # comments, doctype, processing instructions (<?php … ?>)
        elif tag == "img":
            continue
        elif _has(child, "p, div, br, table, li, tr, h1, h2, h3, h4, h5, h6"):
            _walk(child, blocks, cell_mode, buf)  # an inline element wrapped around blocks
        else:
            buf.append(child.text(deep=True))  # inline elements (span, a, b, font …) are text
    if own_buf:
        flush()


# ---------------------------------------------------------------------------
# attachments
# ---------------------------------------------------------------------------

_FILE_EXT = r"(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar|7z)"
_FILE_LINK_RE = re.compile(rf"\.{_FILE_EXT}(?:[?#].*)?$", re.I)
_FILE_NAME_RE = re.compile(rf"\S\.{_FILE_EXT}\s*$", re.I)
# what is left of an attachment list once its links are gone: 附件：, 1. 2., 下载
_ATTACH_LEFT_RE = re.compile(r"^[\s\d.、．,，;；:：()（）【】\[\]]*(?:(?:相关)?附件(?:下载|列表)?|下载)?"
                             r"[\s\d.、．,，;；:：()（）【】\[\]]*$")
# an attachment named in plain text: 附件：1.xxx.docx
_ATTACH_LINE_RE = re.compile(rf"^(?:(?:相关)?附件(?:下载|列表)?\s*\d*\s*[：:])?\s*(?:\d+\s*[.、．]\s*)?"
                             rf"[^。；]{{1,80}}\.{_FILE_EXT}$", re.I)


def _drop_attachments(body) -> list[str]:
    """Remove links to attached files (and the 附件： lists they stand in); return their names."""
    names: list[str] = []
    blocks = {}
    for a in body.css("a"):
        href = (a.attributes.get("href") or "").strip()
        text = re.sub(r"\s+", " ", a.text(deep=True)).strip()
        if not (_FILE_LINK_RE.search(href) or _FILE_NAME_RE.search(text)):
            continue
        names.append(re.sub(r"^\d+\s*[.、．]\s*", "", text) or href.rsplit("/", 1)[-1])
        parent = a.parent
        while parent is not None and parent.tag not in ("p", "li", "div", "td", "dd", "span", "font"):
            parent = parent.parent
        if parent is not None and parent.tag != "body":
            blocks[parent.mem_id] = parent
        a.decompose()
    for node in blocks.values():
        if _ATTACH_LEFT_RE.match(node.text(deep=True)) and not _has(node, "table, img"):
            node.decompose()
    return names


# ---------------------------------------------------------------------------
# title
# ---------------------------------------------------------------------------

_TITLE_WORDS = ("情况", "通报", "报告", "进展", "完成", "目标", "公报", "总结", "运行")


def _page_title(tree, main) -> str | None:
    """The page's heading: an h1/h2 or a title-classed element, else <title> without the site name."""
    for sel in ("h1", ".title", ".article-title", "h2", "#title"):
        for node in tree.css(sel):
            text = re.sub(r"\s+", " ", node.text(deep=True)).strip()
            if 4 <= len(text) <= 100 and _cjk(text) >= 4 and any(w in _norm(text) for w in _TITLE_WORDS):
                return text
    node = tree.css_first("title")
    if node is not None:
        text = re.sub(r"\s+", " ", node.text(deep=True)).strip()
        parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+-\s+|\s*--\s*", text) if p.strip()]
        if parts:
            return max(parts, key=lambda p: (any(w in p for w in _TITLE_WORDS), len(p)))
    return None


# ---------------------------------------------------------------------------


# Pages nest a few dozen levels deep; thousands of levels (a broken or hostile page) make the
# parser and the walk over the tree slow enough to hang an ingest: refused before parsing.
MAX_NESTING = 1000
_TAG = re.compile(r"<(/?)(div|span|p|table|tbody|tr|td|th|ul|ol|li|section|article|font|b|i|em|strong|a)\b[^>]*?(/?)>",
                  re.I)


def nesting_depth(text: str) -> int:
    """How deep the page's elements nest (counting the common container tags), at most."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        if m[3]:
            continue  # <br/>-style self-closing
        if m[1]:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    break
    return deepest


def read(path: Path, data: bytes) -> SourceText:
    from ..sources import SourceError

    text, encoding, warnings = decode_html(data)
    if nesting_depth(text) > MAX_NESTING:
        raise SourceError(f"an HTML page whose elements nest more than {MAX_NESTING} levels deep; too "
                          "complex to read safely (save the report's text from the browser instead)")
    tree = _parser(text)
    tree.strip_tags(list(_DROP_TAGS))
    body = tree.body or tree.root
    if body is None:
        raise SourceError("an HTML page with nothing in it")

    meta, meta_tables = _meta_from_tables(body)
    line_meta, meta_nodes = _meta_from_lines(body)
    for k, v in line_meta.items():
        meta.setdefault(k, v)
    for node in meta_tables + meta_nodes:
        node.decompose()

    attachments = _drop_attachments(body)
    main = _main_block(body)
    title = meta.get("title") or _page_title(tree, main)
    blocks: list[Block] = []
    _walk(main if main is not None else body, blocks)
    blocks = [b for b in blocks if b.rows is not None or not (
        _furniture_line(b.text) or _ATTACH_LINE_RE.match(b.text.strip()))]
    if title:
        title = re.sub(r"\s+", " ", title).strip()
        head = [_norm(b.text).replace(" ", "") for b in blocks[:5] if b.text]
        if _norm(title).replace(" ", "") not in head:
            blocks.insert(0, Block(text=title))  # the title leads the text, as in a text file
        meta["title"] = _norm(title)
    key = _norm(title or "").replace(" ", "")
    prose = sum(_cjk(b.text) for b in blocks if b.text and _norm(b.text).replace(" ", "") != key) + sum(
        _cjk(c) for b in blocks if b.rows for r in b.rows for c in r)
    if attachments and prose < 30:
        shown = "、".join(attachments[:5]) + (" …" if len(attachments) > 5 else "")
        warnings.append(f"the page itself says little; the report is probably in its attachment(s) {shown}: "
                        "download and ingest those files")
    body_text, tables = assemble(blocks)
    if not body_text.strip():
        raise SourceError("an HTML page without text (the report may be an attachment: "
                          "download the PDF/Word file it links to and ingest that)")
    out_meta = {k: v for k, v in meta.items()
                if k in ("title", "published", "publisher", "index_no", "doc_no")}
    if "published" not in out_meta and meta.get("written"):
        out_meta["published"] = meta["written"]  # 成文日期 when the page has no 发文日期
    if "publisher" not in out_meta and meta.get("source"):
        out_meta["publisher"] = meta["source"]
    return SourceText(text=body_text, encoding=encoding, format="html", tables=tables, meta=out_meta,
                      warnings=warnings)
