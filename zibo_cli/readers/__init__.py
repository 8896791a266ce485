"""Readers for structured formats: HTML pages, Word (.docx), Excel (.xlsx) and PDF.

Each module has one function ``read(path, data) -> SourceText`` and imports its
library (selectolax, python-docx, openpyxl, pdfplumber) only inside it.
``sources.READERS`` maps the format names to these modules lazily, so starting
the CLI imports none of them.

Every reader gives the same shape as a plain text file would: the main text with
paragraphs on their own lines, each table also written into the text as
TAB-separated rows (so text-based extraction sees it), and the tables themselves
as lists of rows of cell strings in ``SourceText.tables``.
"""

FORMATS = ("html", "docx", "xlsx", "pdf")
