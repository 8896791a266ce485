"""The task-table reader: rows → :class:`~zibo_cli.models.Task` (``extract.tasks`` calls it).

A task table reports, row by row, a year's targets and how far each got in a
quarter (序号, 年度目标, 第N季度目标, 是否完成, 具体工作进展, 未完成原因,
下步工作打算, 市政府分管领导, 责任单位). Reports name, order and drop these
columns differently, so columns are found by their header words, never by
position, and every row is read against its own table's header.

What the real files do, and what this module does about it:

* rows are TAB-separated lines (or ``| a | b |`` lines); structured readers
  hand over lists of cells instead (``tables``), read with the same row logic;
* dash separator lines (``----\\t----``) are skipped;
* ``<p>`` markup is stripped, paragraph breaks kept as newlines;
* a row with fewer (or more) cells than the header is aligned by scoring every
  place the missing (or extra) cells could be: a status word belongs under
  是否完成, a short name under 分管领导, 局/委/政府 under 责任单位, and an empty
  未完成原因 is the column most likely to have been dropped;
* a row with an empty 序号 continues the row above: each of its cells is
  appended to the same column of that row (a page break cut the cell);
* numbered sub-items (1. 2. 3.) start on their own line;
* the status (``done``, ``partial``, ``not_done``, ``unknown``) is read from the
  status cell, and a row marked 完成 that still gives a real unfinished reason is
  ``partial``; the raw cell stays in ``status_raw``.

Its modules, one concern each (none imports ``extract.tasks``):

* ``header``: a header row → :class:`header.Header` (which field each column feeds);
* ``text``: cell text: sequence numbers, sub-items, separator rows, joining a cut cell;
* ``status``: a status cell, a completion rate or a progress → ``done``, ``partial`` …;
* ``align``: a row that lost or gained cells, fitted to its header's columns;
* ``draft``: one task being read: its first row, continuation rows, what the whole row says;
* ``rows``: a sequence of rows (headers among them) → tasks;
* ``lines``: the rows of a text: TAB or pipe lines with broken lines rejoined, a table
  flattened one cell per line.
"""
