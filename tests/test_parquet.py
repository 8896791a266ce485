"""`zibo export --parquet`: typed datasets partitioned by year that DuckDB and pandas read as they
are, and the README's recipes (a DuckDB query on the export; parsing shards of files on a Dask
cluster into the same Parquet). Skipped, with the reason, where an optional package is missing."""

from __future__ import annotations

import re
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from zibo_cli.parquet import DATASETS, columns

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")  # the recipes' page
REAL = ROOT / "tests" / "data" / "real" / "docs"
# a few real excerpts (figures of many years, and none) and the seeds (a task table)
FILES = sorted(REAL.iterdir())[:6] + sorted((ROOT / "seeds").iterdir())

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'zibo[parquet]')")
import pyarrow.dataset as ds  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for f in FILES:
        shutil.copy2(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def exported(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """(the database the files were ingested into, its Parquet export)."""
    from typer.testing import CliRunner

    from zibo_cli.cli import app

    work = tmp_path_factory.mktemp("export")
    db, out = work / "zibo.db", work / "zibo-parquet"
    runner = CliRunner()
    r = runner.invoke(app, ["--db", str(db), "ingest", str(corpus), "--quiet", "--workers", "0"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["--db", str(db), "export", "--parquet", str(out), "--json"])
    assert r.exit_code == 0, r.output
    return db, out


def _table(folder: Path):
    return ds.dataset(folder, format="parquet").to_table()


def test_every_dataset_has_the_database_rows_typed_and_partitioned_by_year(exported):
    db, out = exported
    conn = sqlite3.connect(db)
    for name, source in (("documents", "documents"), ("figures", "observations"), ("tasks", "tasks")):
        t = _table(out / name)
        assert t.num_rows == conn.execute(f"SELECT count(*) FROM {source}").fetchone()[0], name
        years = {p.name for p in (out / name).iterdir()}
        want = {f"year_group={y}" if y is not None else "year_group=none"
                for (y,) in conn.execute(f"SELECT DISTINCT year FROM {source}")}
        assert years == want, name
    docs = _table(out / "documents")
    assert "text" not in docs.column_names
    assert docs.schema.field("published").type == pa.date32()
    assert docs.schema.field("id").type == pa.int64()
    tasks = _table(out / "tasks")
    assert tasks.schema.field("departments").type == pa.list_(pa.string())
    assert "document" in tasks.column_names
    figures = _table(out / "figures")
    assert figures.schema.field("value").type == pa.float64()
    assert (out / "targets").is_dir() and set(DATASETS) == {p.name for p in out.iterdir()}


def test_the_readme_duckdb_recipe_runs_on_the_export(exported, monkeypatch):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (pip install duckdb)")
    db, out = exported
    block = re.search(r'^duckdb -c "(SELECT.*?)"\n', README, flags=re.S | re.M)
    assert block, "docs/usage.md: the DuckDB recipe on the Parquet export"
    monkeypatch.chdir(out.parent)
    got = duckdb.sql(block[1]).fetchall()
    conn = sqlite3.connect(db)
    want = conn.execute(
        "SELECT period, max(CASE WHEN kind = 'actual' THEN value END), max(CASE WHEN kind = 'target' THEN value END), "
        "count(DISTINCT doc_id) FROM observations WHERE indicator_id = 'gdp' AND measure = 'growth' "
        "GROUP BY period ORDER BY min(year), min(end_month)").fetchall()
    assert got and sorted(got, key=str) == sorted(want, key=str)
    n = duckdb.sql(f"SELECT count(*), count(year), count(published) FROM read_parquet('{out}/documents/*/*.parquet')"
                   ).fetchall()[0]
    assert n == conn.execute("SELECT count(*), count(year), count(published) FROM documents").fetchone()
    types = {r[0]: r[1] for r in duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{out}/tasks/*/*.parquet', hive_partitioning = true)").fetchall()}
    assert (types["year"], types["departments"]) == ("BIGINT", "VARCHAR[]")
    assert "year_group" in types  # the folder's key (a text where some rows have no year)


def test_pandas_reads_the_export(exported):
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    _, out = exported
    frame = pd.read_parquet(out / "figures")
    assert len(frame) == _table(out / "figures").num_rows
    assert {"doc_id", "document", "value", "year", "year_group"} <= set(frame.columns)
    assert frame["year"].isna().sum() == sqlite3.connect(exported[0]).execute(
        "SELECT count(*) FROM observations WHERE year IS NULL").fetchone()[0]


_VOLATILE = {"ingested_at", "mtime"}


def _rows(folder: Path, dataset: str) -> list[tuple]:
    t = _table(folder)
    names = [c for c, _ in columns(dataset) if c not in _VOLATILE]
    rows = list(zip(*(t.column(c).to_pylist() for c in names), strict=True))
    return sorted(rows, key=repr)


def test_the_readme_dask_recipe_writes_what_export_writes(exported, corpus, tmp_path):
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'dask[bag]')")
    pytest.importorskip("dask.distributed", reason="distributed is not installed (pip install distributed)")
    _, exported_to = exported
    code = re.search(r"```python\n( *# Parquet from shards.*?)```", README, flags=re.S)
    assert code, "docs/usage.md: the Dask recipe"
    source = (textwrap.dedent(code[1]).replace('Path("reports")', f"Path({str(corpus)!r})")
              .replace('"zibo-parquet", 500', f"{str(tmp_path / 'out')!r}, 4")  # a few shards of 4 files
              .replace("threads_per_worker=1)", "threads_per_worker=1, processes=False, dashboard_address=None)"))
    assert source != code[1]
    namespace: dict = {}
    exec(compile(source, "README.md (the Dask recipe)", "exec"), namespace)
    assert len(namespace["shards"]) > 1
    for dataset in ("documents", "figures", "tasks"):
        assert _rows(tmp_path / "out" / dataset, dataset) == _rows(exported_to / dataset, dataset), dataset
