"""Parquet for column-store engines (DuckDB, pandas, Spark, Polars): ``zibo export --parquet DIR``.

    from zibo_cli.parquet import export_parquet
    export_parquet("zibo.db", "out/")   # → out/documents/year_group=2024/part-0.parquet, out/figures/…

Four datasets, each a folder partitioned by year the way Hive names folders
(``year_group=2024``; rows without a year in ``year_group=none``; every file keeps the typed
``year`` column), which DuckDB (``read_parquet('out/figures/*/*.parquet')``), pandas
(``pandas.read_parquet('out/figures')``) and Spark (``spark.read.parquet('out/figures')``)
read as they are:

* ``documents``: the documents table without its text; ``id`` is the key the others' ``doc_id``
  names;
* ``figures``: the observations table, with the document's name beside ``doc_id``;
* ``tasks``: the tasks table, likewise;
* ``targets``: ``zibo targets``, every annual target against the latest actual of its year.

Columns are typed: whole numbers ``int64``, decimals ``double``, texts ``string``, a document's
``published`` a ``date``, ``ingested_at`` a UTC timestamp, lists kept as JSON in SQLite
(``tasks.departments``, ``documents.warnings``) lists of strings. The database's own row ids of
figures and tasks are left out: a figure is named by its ``doc_id`` and ``char_offset``.

:func:`parse_to_parquet` writes the same datasets (less ``targets``, which needs every figure at
once) straight from files with the library's parser, for a shard of a corpus too large for one
machine; README.md has a recipe that fans it out over a Dask bag. Needs ``pyarrow``
(``pip install 'zibo[parquet]'``).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["export_parquet", "parse_to_parquet", "schemas", "columns", "DATASETS", "PARTITION", "PARTITION_FOLDER"]

DATASETS = ("documents", "figures", "tasks", "targets")
PARTITION = "year"
PARTITION_FOLDER = "year_group"  # folders year_group=2024, year_group=none
_SOURCE = {"documents": "documents", "figures": "observations", "tasks": "tasks"}
_LEFT_OUT = {"documents": {"text"}, "figures": {"id"}, "tasks": {"id"}}
_LISTS = {("documents", "warnings"), ("tasks", "departments")}
_TYPES = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string"}
_BATCH = 20_000  # rows a record batch
_TARGET_TYPES = {
    "name": "string", "indicator_id": "string", "region": "string", "year": "int64", "measure": "string",
    "unit": "string", "target": "float64", "target_qualifier": "string", "target_derived": "bool",
    "actual": "float64", "actual_qualifier": "string", "actual_start_month": "int64",
    "actual_end_month": "int64", "pace": "float64", "gap": "float64", "status": "string",
    "target_document": "string", "actual_document": "string",
}


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.compute  # noqa: F401
    except ImportError:
        from .errors import UsageError

        raise UsageError("Parquet needs pyarrow: pip install 'zibo[parquet]' (or pip install pyarrow)") from None
    return pyarrow


@lru_cache(maxsize=1)
def _declared() -> dict[str, list[tuple[str, str]]]:
    """Each source table's columns and declared types, from the schema a new database gets."""
    from .schema import STATEMENTS

    conn = sqlite3.connect(":memory:")
    try:
        for sql in STATEMENTS:
            if sql.startswith("CREATE TABLE"):
                conn.execute(sql)
        return {t: [(r[1], r[2].upper()) for r in conn.execute(f"PRAGMA table_info([{t}])")]
                for t in set(_SOURCE.values())}
    finally:
        conn.close()


def columns(dataset: str) -> list[tuple[str, str]]:
    """(column, type name) of a dataset, in order, the partition column included."""
    if dataset == "targets":
        return list(_TARGET_TYPES.items())
    out = []
    for name, declared in _declared()[_SOURCE[dataset]]:
        if name in _LEFT_OUT.get(dataset, ()):
            continue
        if (dataset, name) in _LISTS:
            kind = "list"
        elif dataset == "documents" and name == "published":
            kind = "date"
        elif dataset == "documents" and name == "ingested_at":
            kind = "timestamp"
        else:
            kind = _TYPES.get(declared, "string")
        out.append((name, kind))
        if name == "doc_id":
            out.append(("document", "string"))
    return out


def schemas() -> dict[str, Any]:
    """The pyarrow schema of each dataset (the partition column included)."""
    pa = _pyarrow()
    kinds = {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string(), "bool": pa.bool_(),
             "date": pa.date32(), "timestamp": pa.timestamp("s", tz="UTC"), "list": pa.list_(pa.string())}
    return {d: pa.schema([(c, kinds[k]) for c, k in columns(d)]) for d in DATASETS}


def _converters(dataset: str):
    """Per column, a function from the stored value to the Parquet one (None: as stored)."""
    out = []
    for _name, kind in columns(dataset):
        if kind == "list":
            out.append(_json_list)
        elif kind == "date":
            out.append(_date)
        elif kind == "timestamp":
            out.append(_timestamp)
        else:
            out.append(None)
    return out


def _json_list(v):
    if v is None or isinstance(v, list):
        return v
    try:
        got = json.loads(v)
    except ValueError:
        return [v]
    return [str(x) for x in got] if isinstance(got, list) else [str(got)]


def _date(v):
    try:
        return date.fromisoformat(v) if v else None
    except (TypeError, ValueError):
        return None


def _timestamp(v):
    try:
        t = datetime.fromisoformat(v) if v else None
    except (TypeError, ValueError):
        return None
    return t.replace(tzinfo=UTC) if t is not None and t.tzinfo is None else t


def _batches(dataset: str, rows: Iterable[tuple]) -> Iterator[Any]:
    """Record batches of ``rows`` (tuples in the dataset's column order)."""
    pa = _pyarrow()
    schema = schemas()[dataset]
    convert = _converters(dataset)
    chunk: list[tuple] = []

    def batch(chunk: list[tuple]):
        cols = list(zip(*chunk, strict=True)) if chunk else [[] for _ in convert]
        arrays = [pa.array(col if f is None else [f(v) for v in col], type=field.type)
                  for col, f, field in zip(cols, convert, schema, strict=True)]
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    for row in rows:
        chunk.append(row)
        if len(chunk) >= _BATCH:
            yield batch(chunk)
            chunk = []
    if chunk:
        yield batch(chunk)


NO_YEAR = "none"  # the folder of rows without a year


def write_dataset(folder: str | os.PathLike[str], dataset: str, rows: Iterable[tuple],
                  part: str = "0") -> None:
    """Write ``rows`` (tuples in ``columns(dataset)`` order) into ``folder``, partitioned by
    year: ``folder/year_group=2024/part-{part}.parquet`` holds the rows of 2024 (``year_group=none``
    those without a year). Each file keeps every column, the typed ``year`` too: a Hive
    partition column of the same name would be a text in some readers, and a null partition
    is one pandas cannot read. Shards written by separate workers into one folder use their
    own ``part``, so none overwrites another."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = schemas()[dataset]
    at = schema.get_field_index(PARTITION)
    writers: dict[Any, Any] = {}
    try:
        for batch in _batches(dataset, rows):
            years = batch.column(at)
            for year in years.unique().to_pylist():
                mask = years.is_null() if year is None else pa.compute.equal(years, year)
                w = writers.get(year)
                if w is None:
                    where = Path(folder) / f"{PARTITION_FOLDER}={NO_YEAR if year is None else year}"
                    where.mkdir(parents=True, exist_ok=True)
                    w = writers[year] = pq.ParquetWriter(where / f"part-{part}.parquet", schema)
                w.write_batch(batch.filter(mask))
    finally:
        for w in writers.values():
            w.close()
    Path(folder).mkdir(parents=True, exist_ok=True)  # an empty dataset is an empty folder


def _rows_from_db(conn: sqlite3.Connection, dataset: str) -> Iterator[tuple]:
    if dataset == "targets":
        from .query import Zibo
        from .query.targets import targets

        z = Zibo.on(conn)
        names = [c for c, _ in columns("targets")]
        for row in targets(z):
            yield tuple(row.get(c) for c in names)
        return
    names = [c for c, _ in columns(dataset)]
    keyed = "doc_id" in names  # a table of rows from documents: the document's name beside its key
    select = ["d.document" if keyed and c == "document" else f"t.[{c}]" for c in names]
    join = " LEFT JOIN documents d ON d.id = t.doc_id" if keyed else ""
    yield from conn.execute(f"SELECT {', '.join(select)} FROM [{_SOURCE[dataset]}] t{join} ORDER BY t.rowid")


def export_parquet(db: str | os.PathLike[str], out_dir: str | os.PathLike[str],
                   datasets: Iterable[str] = DATASETS) -> list[dict[str, Any]]:
    """Write the datasets of the database ``db`` under ``out_dir`` (each folder replaced whole:
    written beside it, then moved into place); return [{table, rows, file}]."""
    from .errors import UsageError, ZiboError
    from .store import open_readonly

    _pyarrow()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"cannot create {out}: {e.strerror or e}") from None
    conn = open_readonly(Path(db))
    summary = []
    try:
        for dataset in datasets:
            count = [0]

            def counted(rows: Iterable[tuple], count=count) -> Iterator[tuple]:
                for row in rows:
                    count[0] += 1
                    yield row

            tmp = out / f".{dataset}.part"
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                write_dataset(tmp, dataset, counted(_rows_from_db(conn, dataset)))
                final = out / dataset
                if final.exists():
                    shutil.rmtree(final)
                os.replace(tmp, final)
            except OSError as e:
                shutil.rmtree(tmp, ignore_errors=True)
                raise ZiboError(f"cannot write {out / dataset}: {e.strerror or e}") from None
            summary.append({"table": dataset, "rows": count[0], "file": str(out / dataset)})
        return summary
    finally:
        conn.close()


def _stored(v: Any) -> Any:
    """A value as SQLite stores it (a bool as 0 or 1)."""
    return int(v) if v.__class__ is bool else v


def parse_to_parquet(paths: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
                     first_id: int = 1, part: str = "0",
                     root: str | os.PathLike[str] | None = None) -> dict[str, int]:
    """Parse ``paths`` with the library's parser (no database) and write their documents, figures
    and tasks under ``out_dir`` as :func:`export_parquet` does; documents are numbered from
    ``first_id`` in the order given (a corpus cut into shards gives each shard the number of its
    first file, so the keys are those a new database would give the files in that order).
    ``part`` names this shard's files. ``root``: the folder the files were found in, which names
    them as ``zibo ingest ROOT`` does (``relpath``: the folder's name and the path in it). A
    file that cannot be read is left out. Returns the rows written per dataset."""
    from .pipeline import parse_file
    from .sources import SourceError
    from .store import document_rows

    docs: list[tuple] = []
    figures: list[tuple] = []
    tasks: list[tuple] = []
    doc_cols = [c for c, _ in columns("documents")]
    fig_cols = [c for c, _ in columns("figures")]
    task_cols = [c for c, _ in columns("tasks")]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, path in enumerate(paths, start=first_id):
        path = Path(path)
        try:
            parsed = parse_file(path)
        except SourceError:
            continue
        if root is not None:
            parsed.relpath = f"{Path(root).resolve().name}/{path.resolve().relative_to(Path(root).resolve()).as_posix()}"
        rows = document_rows(parsed)
        document = {**rows.document, "id": key, "mtime": path.stat().st_mtime, "ingested_at": now}
        docs.append(tuple(_stored(document.get(c)) for c in doc_cols))
        for table, cols, out in ((rows.observations, fig_cols, figures), (rows.tasks, task_cols, tasks)):
            at = {c: i for i, c in enumerate(table.columns)}
            for r in table:
                out.append(tuple(key if c == "doc_id" else parsed.document if c == "document" else _stored(r[at[c]])
                                 for c in cols))
    for dataset, rows_ in (("documents", docs), ("figures", figures), ("tasks", tasks)):
        write_dataset(Path(out_dir) / dataset, dataset, rows_, part=part)
    return {"documents": len(docs), "figures": len(figures), "tasks": len(tasks)}
