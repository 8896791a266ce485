"""Segment a normalised document into the blocks a reader sees: page chrome, headline,
headings, paragraphs, list items and table rows.

Each line of the normalised text is one block (the normaliser has already joined lines cut
by a page break or a margin). A block is:

* ``chrome``: site furniture (breadcrumbs, 首页, 登录, 打印, 字号, 扫一扫, 发布时间 …);
  nothing in it is a figure of the report;
* ``row``: a table row (TAB-separated cells, or ``| a | b |``);
* ``heading``: a section heading (一、…, （一）…, 第一部分, ■ …, 【…】), with its ``level``
  (1 for 一、 and ■, 2 for （一）); a heading that runs on into its paragraph on the same line
  (（一）工业经济持续承压。2月份，…) is a heading whose ``body_at`` says where the paragraph
  starts;
* ``item``: a list item (1. / 1、 / （1） / ① / ● ◆ ▪ bullets);
* ``headline``: a short line before the first paragraph that is none of the above (a news
  page's title and sub-titles);
* ``paragraph``: everything else.

Pure and cheap: a regex or two per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "segment", "CHROME", "HEADING", "ITEM", "HEADLINE_MAX"]

HEADLINE_MAX = 64

CHROME = re.compile(
    r"首页\s*[>＞›»|]|[>＞›»]\s*正文|当前位置|您的位置|您现在的?位置|所在位置|现在所在的位置|无障碍|长者模式|关怀版|长辈版|"
    r"登录\s*[|｜/]?\s*注册|扫一扫|打印本页|打印整页|打印内容|关闭窗口|【打印】|【关闭】|字号\s*[:：]|字体\s*[:：]|"
    r"字体\s*[\[［【]|文字大小|背景色|浏览次数|浏览量\s*[:：]|访问量\s*[:：]|阅读数\s*[:：]|分享到|责任编辑\s*[:：]|"
    r"网站支持IPv6|智能问答|选择区域|来源\s*[:：].{0,40}(?:编辑|作者|浏览)|用微信扫描|在手机上?(?:查看|打开)|"
    r"^\s*[-•·]\s*$|^\s*(?:上一篇|下一篇|相关阅读|相关链接|附件\s*[:：]?)\s*$|我来说两句|排行榜$")
HEADING = re.compile(
    r"^\s*(?P<mark>[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|"
    r"第[一二三四五六七八九十]{1,3}(?:部分|章|节)|[■□▲△★☆]|【)")
ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|"
                  r"[●◆◇•·▪▶◎○])")
_ROW = re.compile(r"\t|^\s*\|.*\|.*\|")
_SENTENCE_END = re.compile(r"[。！？!?]")
_FIGURE = re.compile(r"\d")


@dataclass
class Segment:
    kind: str  # chrome | row | heading | item | headline | paragraph
    text: str
    offset: int  # where the line starts in the document text
    level: int = 0  # headings: 1 (一、 ■ 第一部分 【】) or 2 (（一）)
    body_at: int = 0  # headings that run on into their paragraph: where the paragraph starts

    @property
    def heading_text(self) -> str:
        return self.text[:self.body_at] if self.body_at else self.text

    @property
    def body(self) -> str:
        return self.text[self.body_at:] if self.body_at else ""


def _heading(line: str) -> tuple[int, int] | None:
    """(level, body_at) when the line is a heading; None otherwise."""
    m = HEADING.match(line)
    if not m:
        return None
    mark = m["mark"]
    level = 2 if mark.lstrip()[0] in "（(" else 1
    if mark == "【":
        close = line.find("】")
        if close < 0 or close > 40:
            return None
        return level, (close + 1 if close + 1 < len(line.rstrip()) else 0)
    end = _SENTENCE_END.search(line)
    if end is None:
        # a heading is short; a long line with no full stop is a paragraph that starts with 一、
        return (level, 0) if len(line.strip()) <= 50 else None
    if end.start() <= 30 and end.end() < len(line.rstrip()):
        return level, end.end()  # （一）工业经济持续承压。2月份，…
    return (level, 0) if end.end() >= len(line.rstrip()) and len(line.strip()) <= 50 else None


def segment(text: str) -> list[Segment]:
    """The blocks of ``text``, one per non-empty line, in order."""
    out: list[Segment] = []
    offset = 0
    body_started = False
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        s = line.strip()
        if not s:
            continue
        if _ROW.search(line):
            out.append(Segment("row", line, here))
            body_started = True
            continue
        if (len(s) <= 80 or not _SENTENCE_END.search(s)) and CHROME.search(s):
            out.append(Segment("chrome", line, here))
            continue
        h = _heading(line)
        if h is not None and not ITEM.match(line):
            out.append(Segment("heading", line, here, level=h[0], body_at=h[1]))
            body_started = True
            continue
        if ITEM.match(line):
            out.append(Segment("item", line, here))
            body_started = True
            continue
        if not body_started and len(s) <= HEADLINE_MAX and not s.endswith(("。", "：", ":")):
            out.append(Segment("headline", line, here))
            continue
        out.append(Segment("paragraph", line, here))
        body_started = True
    return out
