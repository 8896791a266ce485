"""Text clean-up: from whatever a reader decoded to clean simplified Chinese.

Steps, in order (each a small function, each tested on its own):

1. ``fix_compat_chars``: Kangxi radicals and CJK compatibility ideographs that
   PDF extraction leaves (⼀ U+2F00) become the ordinary ideographs; CRLF → LF.
2. ``count_unreadable``: characters lost to encoding (U+FFFD, and ``?`` inside
   Chinese text) are counted, not hidden.
3. ``strip_pinyin``: ``經(jīng)濟`` → ``經濟``; real brackets such as ``(中國)`` or
   ``(APP)`` stay. Pinyin orphaned by a lost character (``?qū)``) goes too.
4. ``to_simplified``: traditional → simplified with OpenCC (``t2s``).
5. ``unify_width``: full-width digits, letters and % become half-width; ASCII
   punctuation inside Chinese text becomes the full-width form Chinese uses
   (``,`` → ``，``) except between digits (``1,234`` and ``10:30`` stay).
6. ``tidy_spaces``: spaces around Chinese text and numbers go (``增长 5.1%`` →
   ``增长5.1%``), spaces between Latin words stay.
7. ``join_broken_lines``: a long line that a PDF page break cut mid-sentence is
   joined to its continuation; titles, headings, table rows stay apart.

``normalize`` runs them all and is idempotent: ``normalize(normalize(x).text)``
gives the same text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import ne

from .models import NormalizedText

__all__ = [
    "normalize",
    "normalize_text",
    "fix_compat_chars",
    "count_unreadable",
    "strip_pinyin",
    "to_simplified",
    "unify_width",
    "tidy_spaces",
    "join_broken_lines",
    "is_cjk",
]

# Ideographs plus the CJK symbols and punctuation, and full-width forms.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
_CJK_RE = re.compile(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


# ---------------------------------------------------------------------------
# 1. compatibility characters
# ---------------------------------------------------------------------------

_COMPAT_RE = re.compile(r"[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]")


def fix_compat_chars(text: str) -> str:
    """Map Kangxi radicals / compatibility ideographs to unified ideographs; normalise newlines.

    Only these characters are NFKC-normalised: blanket NFKC would also turn ① into 1.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return _COMPAT_RE.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


# ---------------------------------------------------------------------------
# 2. unreadable characters
# ---------------------------------------------------------------------------

# '?' touching a Chinese character (or another '?') is a character the encoding
# lost: Chinese text writes a real question mark as '？'.
_LOST_RE = re.compile(f"\ufffd|(?<=[{CJK}?])\\?|\\?(?=[{CJK}])")


def count_unreadable(text: str) -> int:
    if "?" not in text and "\ufffd" not in text:  # every match is one of them
        return 0
    return len(_LOST_RE.findall(text))


# ---------------------------------------------------------------------------
# 3. pinyin annotations
# ---------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN = f"[a-z{_TONED}]{{1,7}}"
# A syllable with at least one tone mark right after a character: websites annotate
# characters with marked tones, so requiring a tone mark keeps (APP), (ml), (B2B)
# and (中國) as they are. The character before may itself be mojibake ("A(yù)").
# (Written bracket first, the character before it checked by a look-behind over both,
# so the regex engine jumps from bracket to bracket instead of trying every position.)
_PINYIN_ANNOT = re.compile(
    f"[(（](?<=[^\\s(（][(（])((?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}})[)）]"
)
# Pinyin whose opening bracket or character was lost to encoding: "?qū)".
_ORPHAN_PINYIN = re.compile(f"(?<=\\?)((?=[a-z{_TONED}]*[{_TONED}]){_PINYIN})[)）]")


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin readings after characters; return the text and how many went."""
    text, n = _PINYIN_ANNOT.subn("", text)
    k = 0
    if "?" in text:  # an orphan follows a '?'
        text, k = _ORPHAN_PINYIN.subn("", text)
    return text, n + k


# ---------------------------------------------------------------------------
# 4. traditional -> simplified
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _opencc():
    import opencc  # imported lazily: loading its dictionaries costs start-up time

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, int]:
    """Convert traditional characters to simplified; return the text and how many changed."""
    if not _CJK_RE.search(text):
        return text, 0
    out = _opencc().convert(text)
    if len(out) != len(text):  # t2s maps character for character; count nothing if not
        return out, 0
    if out == text:  # most reports are simplified already: one C-level comparison
        return out, 0
    return out, sum(map(ne, text, out))


# ---------------------------------------------------------------------------
# 5. full / half width
# ---------------------------------------------------------------------------

# Full-width ASCII letters, digits and a few symbols to half-width.
_TO_HALF = {i: i - 0xFEE0 for i in range(0xFF10, 0xFF1A)}  # ０-９
_TO_HALF.update({i: i - 0xFEE0 for i in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_TO_HALF.update({i: i - 0xFEE0 for i in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_TO_HALF.update({0xFF05: ord("%"), 0xFF0E: ord("."), 0xFF0B: ord("+"), 0xFF1D: ord("="),
                 0xFF0F: ord("/"), 0xFF3F: ord("_"), 0xFF06: ord("&"), 0xFF03: ord("#"),
                 0x3000: ord(" "), 0xFF5E: ord("~")})

# ASCII punctuation that Chinese text writes full-width.
_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT_RE = re.compile(r"[,;:!()]")
_NEEDS_HALF_RE = re.compile("[" + "".join(map(chr, _TO_HALF)) + "]")
_DIGIT_SEP_RE = re.compile(r"(?<=\d)[,:](?=\d)")


_CJK_PUNCT_RE = re.compile(f"[{CJK_PUNCT}]")
_HALF_CLOSE = re.compile(r"（([^（）()\n]{0,30})\)")
_HALF_OPEN = re.compile(r"\(([^（）()\n]{0,30})）")


def unify_width(text: str) -> str:
    """Half-width digits/letters/%, full-width Chinese punctuation (not inside numbers).

    A bracket pair becomes full-width when the text around or inside it is Chinese;
    ``(4GWH)`` after Chinese text becomes ``（4GWH）``, ``f(x)`` in Latin text stays.
    A mark made full-width counts as Chinese for its neighbours (``::—`` → ``：：—``),
    so the result is stable: running it again changes nothing.
    """
    if _NEEDS_HALF_RE.search(text):  # translate() walks every character; most texts need nothing
        text = text.translate(_TO_HALF)
    text = _HALF_PUNCT_RE.sub(lambda m: _TO_FULL[m[0]] if _chinese_near(text, m.start()) else m[0], text)
    if "（" in text or "）" in text:
        # a pair takes one width: 生产总值(GDP)440亿元 → 生产总值（GDP）440亿元
        text = _HALF_CLOSE.sub(r"（\1）", text)
        text = _HALF_OPEN.sub(r"（\1）", text)
    # The marks left half-width (digit separators, Latin text) are few: settle them against
    # the marks just made full-width with a work list, so a long run of marks stays linear.
    todo = [m.start() for m in _HALF_PUNCT_RE.finditer(text) if _chinese_near(text, m.start())]
    if not todo:
        return text
    chars = list(text)
    while todo:
        i = todo.pop()
        if chars[i] in _TO_FULL and _chinese_near(chars, i):
            chars[i] = _TO_FULL[chars[i]]
            todo.extend(j for j in range(max(0, i - 2), min(len(chars), i + 3)) if chars[j] in _TO_FULL)
    return "".join(chars)


def _chinese_near(text: str | list[str], i: int) -> bool:
    """Whether the half-width mark at ``i`` stands in Chinese text (so it becomes full-width)."""
    ch = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in ",:" and before.isdigit() and after.isdigit():
        return False
    # look a little further for Chinese inside or beside a bracket
    if ch in "()":
        seg = text[max(0, i - 2): i + 3]
        near = seg if isinstance(seg, str) else "".join(seg)
    else:
        near = before + after
    return bool(_CJK_RE.search(near) or _CJK_PUNCT_RE.search(near))


# ---------------------------------------------------------------------------
# 6. spaces
# ---------------------------------------------------------------------------

_SOFT = f"{CJK}{CJK_PUNCT}"
# a run of spaces with Chinese (or Chinese punctuation) on at least one side
_SPACE_CJK_RE = re.compile(f"(?<=[{_SOFT}])[ \t]+|[ ]+(?=[{_SOFT}])")
# spaces between a number and its unit/percent sign or between sign and number
_SPACE_NUM_RE = re.compile(r"(?<=\d)[ ]+(?=[%‰])|(?<=[%‰])[ ]+(?=[，。；、）])"
                           # a decimal cut by a space (98. 6亿元, 5. 2%): joined when a unit follows
                           r"|(?<=\d\.)[ ]+(?=\d+(?:[%‰]|[万亿千百]*(?:元|美元|人|吨|公里|平方米|亩|千瓦|个|家|项)))")


# a space between two Chinese characters: in a table cell it separates list items
# (责任单位 "市发展改革委 市统计局"), so cells keep it
_SPACE_BETWEEN_CJK_RE = re.compile(f"(?<=[{CJK}])[ ]+(?=[{CJK}])")


def tidy_spaces(text: str) -> str:
    """Drop spaces next to Chinese text; keep tabs (table cells) and Latin word spaces.

    In a table row (a line with tabs) one space between two Chinese characters stays,
    because cells use it to separate items such as department names.
    """
    if " " not in text and "\u3000" not in text:  # _tidy only removes spaces
        return text
    out_lines = []
    for line in text.split("\n"):
        if " " not in line and "\u3000" not in line:
            out_lines.append(line)
        elif "\t" in line:
            cells = [_tidy(c, keep_cjk_gaps=True) for c in line.split("\t")]
            out_lines.append("\t".join(cells))
        else:
            out_lines.append(_tidy(line))
    return "\n".join(out_lines)


_MANY_SPACES_RE = re.compile(r"[ \u3000]{2,}")


def _tidy(s: str, keep_cjk_gaps: bool = False) -> str:
    if " " not in s and "\u3000" not in s:  # every step below only removes spaces
        return s
    s = _MANY_SPACES_RE.sub(" ", s)
    if keep_cjk_gaps:
        s = _SPACE_BETWEEN_CJK_RE.sub("\x00", s)
    s = _SPACE_CJK_RE.sub("", s)
    s = _SPACE_NUM_RE.sub("", s)
    if keep_cjk_gaps:
        s = s.replace("\x00", " ")
    return s.strip(" ")


# ---------------------------------------------------------------------------
# 7. page-break joins
# ---------------------------------------------------------------------------

# Text that ends a sentence or a heading: a line ending so is complete.
_TERMINAL = set("。！？；：…”’」』）)》】.!?;:|")
# A line that starts a new block: headings (一、 (一) 1. 第一), table rows, separators.
_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D|第[一二三四五六七八九十]+[章节部]"
    r"|[|\-=]|附件|下一步"
    r"|(?:发布时间|发布日期|信息来源|来源|作者|索引号|文号|发布机构)\s*[:：])"  # a page's labelled fields
)
# how a title ends (…计划执行情况与2022年…计划（草案）的报告): a line ending so is whole, however long
_TITLE_END = re.compile(r"(?:的(?:报告|通知|通报|决定|意见|决议|讲话|函)|(?:计划|草案|方案|要点|公报)[)）]?)$")
LONG_LINE = 40  # characters: a line shorter than this is a title or heading, not cut prose


def join_broken_lines(text: str) -> tuple[str, int]:
    """Join prose lines cut by a page break; return the text and how many joins were made.

    A line is joined to the next non-blank line when it is long (a paragraph, not a
    title), does not end a sentence, is not a table row, and the next line does not
    start a heading or a table row.
    """
    lines = text.split("\n")
    out: list[str] = []
    joins = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        while _is_cut(line):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j >= len(lines) or j - i > 3:
                break
            nxt = lines[j].strip()
            if "\t" in nxt or _BLOCK_START.match(nxt):
                break
            line = line.rstrip() + nxt
            joins += 1
            i = j
        out.append(line)
        i += 1
    return "\n".join(out), joins


def _is_cut(line: str) -> bool:
    s = line.rstrip()
    if len(s) < LONG_LINE or "\t" in s or s.startswith("|"):
        return False
    return s[-1] not in _TERMINAL and not _TITLE_END.search(s)


# ---------------------------------------------------------------------------
# all together
# ---------------------------------------------------------------------------

_BLANKS_RE = re.compile(r"\n{3,}")
_PUNCT_RUN_RE = re.compile(r"[，、；。]{2,}")
_PUNCT_STRENGTH = "，、；。"  # weakest to strongest


def collapse_punctuation(text: str) -> str:
    """A run of clause marks is one mark, the strongest of them: ``增长29.7%，、24.1%`` →
    ``增长29.7%、24.1%``, ``，，`` → ``，``, ``，。`` → ``。`` (pages that doubled their marks)."""
    return _PUNCT_RUN_RE.sub(lambda m: max(m[0], key=_PUNCT_STRENGTH.index), text)


# Rounds of clean-up at most. Real text settles in the first (the second only confirms).
_MAX_ROUNDS = 4


def normalize(text: str) -> NormalizedText:
    """Run every clean-up step; the result is idempotent under ``normalize``.

    One step can make work for another: a joined line puts ``,`` next to Chinese, a
    removed space brings a mark beside a full-width one. So the steps repeat until the
    text no longer changes (a bounded number of rounds; each that changes something
    removes or converts characters). Whether a second round would change anything is
    first asked of each step cheaply (``_settled``): real text settles in one round, and
    only a text that may not have runs the steps again.
    """
    result, simplify_again, moved = _normalize_round(text)
    if _settled(result.text, simplify_again, moved):
        return result
    for _ in range(_MAX_ROUNDS - 1):
        again = _normalize_once(result.text)
        if again.text == result.text:
            break
        result.text = again.text
        result.pinyin_removed += again.pinyin_removed
        result.lines_joined += again.lines_joined
        result.converted_traditional += again.converted_traditional
    return result


def _normalize_once(text: str) -> NormalizedText:
    return _normalize_round(text)[0]


def _normalize_round(text: str) -> tuple[NormalizedText, bool, bool]:
    """One round of every step; whether OpenCC could change its text if run again; and whether
    spaces were removed or lines joined (which bring characters side by side).

    OpenCC could change the text again only when it changed something in this round, or when
    a later step put two Chinese characters side by side (a space between them removed, a cut
    line joined): every key of OpenCC's t2s dictionaries is made of Chinese characters only
    (tests/test_normalize.py checks), so a text it left as it was, changed later only in other
    characters, gives it nothing new."""
    text = fix_compat_chars(text)
    text, pinyin = strip_pinyin(text)
    unreadable = count_unreadable(text)
    before = text
    text, converted = to_simplified(text)
    simplify_again = text is not before and text != before
    text = unify_width(text)
    text = collapse_punctuation(text)
    if not simplify_again and (" " in text or "\t" in text) and _CJK_GAP_RE.search(text):
        simplify_again = True
    before = text
    text = tidy_spaces(text)
    moved = text is not before and text != before
    text, joins = join_broken_lines(text)
    text = _BLANKS_RE.sub("\n\n", text).strip("\n")
    return (NormalizedText(text=text, unreadable=unreadable, pinyin_removed=pinyin,
                           lines_joined=joins, converted_traditional=converted),
            simplify_again or joins > 0, moved or joins > 0)


# Every character an OpenCC t2s dictionary key is made of (tests/test_normalize.py checks)
HAN = CJK + "\U00020000-\U0003ffff"
# two such characters with spaces (or tabs) between them, which tidy_spaces may remove
_CJK_GAP_RE = re.compile(f"(?<=[{HAN}])[ \t]+(?=[{HAN}])")
_COMPAT_OR_NEWLINE_RE = re.compile("[\r\ufeff\u00a0\u200b\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]")


def _settled(text: str, simplify_again: bool, moved: bool) -> bool:
    """Whether a round of every step would leave ``text`` (the result of a round) as it is,
    asking each step on its own, most by a search for what it would change. ``moved``: the
    round removed spaces or joined lines after the width and punctuation steps ran, which
    can bring a half-width mark beside Chinese text or two marks together; without it those
    two steps, each stable on its own output, have nothing new to do. True means
    ``_normalize_once(text).text == text`` (tests/test_normalize.py checks it)."""
    if _COMPAT_OR_NEWLINE_RE.search(text) or strip_pinyin_finds(text):
        return False
    if simplify_again and to_simplified(text)[0] != text:
        return False
    if moved and (_PUNCT_RUN_RE.search(text) or not _width_settled(text)):
        return False
    if tidy_spaces(text) != text or join_broken_lines(text)[1]:
        return False
    return "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")


def strip_pinyin_finds(text: str) -> bool:
    """Whether ``strip_pinyin`` would remove anything from ``text``."""
    return bool(_PINYIN_ANNOT.search(text) or ("?" in text and _ORPHAN_PINYIN.search(text)))


def _width_settled(text: str) -> bool:
    """Whether ``unify_width`` would leave ``text`` as it is."""
    if _NEEDS_HALF_RE.search(text):
        return False
    if any(_chinese_near(text, m.start()) for m in _HALF_PUNCT_RE.finditer(text)):
        return False
    return not (("（" in text or "）" in text) and (_HALF_CLOSE.search(text) or _HALF_OPEN.search(text)))


def normalize_text(text: str) -> str:
    """Just the clean text (for short strings such as user queries and cells)."""
    return normalize(text).text
