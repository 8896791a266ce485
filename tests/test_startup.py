"""What the command line imports: query paths stay light (checked with -X importtime).

Behavioural, not timed: a query must not pull in rich, sqlite-utils, OpenCC or
pydantic, whatever the machine's speed; a re-ingest of unchanged files must not
load the parsing stack at all.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("rich", "sqlite_utils", "opencc", "charset_normalizer", "pydantic")


def imported_modules(*args: str, db=None) -> tuple[set[str], subprocess.CompletedProcess]:
    env = {**os.environ, "NO_COLOR": "1"}
    if db is not None:
        env["ZIBO_DB"] = str(db)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "zibo_cli", *args],
                          capture_output=True, text=True, env=env, timeout=60)
    mods = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip())
    return mods, proc


def heavy(mods: set[str]) -> list[str]:
    return sorted(m for m in mods if m.split(".")[0] in HEAVY)


@pytest.fixture
def ingested(zibo, db, seeds):
    result = zibo("ingest", seeds, "--quiet")
    assert result.exit_code == 0, result.stderr
    return db


def test_json_query_imports_nothing_heavy(ingested):
    mods, proc = imported_modules("docs", "--json", db=ingested)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.startswith("[")
    assert "zibo_cli.query" in mods  # the probe sees our own imports
    assert heavy(mods) == []


def test_csv_query_imports_nothing_heavy(ingested):
    mods, proc = imported_modules("docs", "--csv", db=ingested)
    assert proc.returncode == 0
    assert heavy(mods) == []


def test_help_imports_nothing_heavy():
    mods, proc = imported_modules("--help")
    assert proc.returncode == 0 and "ingest" in proc.stdout
    assert heavy(mods) == []
    assert not any(m.startswith("zibo_cli.query") or m == "zibo_cli.store" for m in mods)


def test_reingest_of_unchanged_files_skips_parsing(ingested, seeds):
    mods, proc = imported_modules("ingest", str(seeds), "--quiet", db=ingested)
    assert proc.returncode == 0, proc.stderr[-500:]
    # nothing to parse, nothing to migrate: no OpenCC, no extractors, no sqlite-utils
    assert heavy(mods) == []
    assert "zibo_cli.normalize" not in mods and "zibo_cli.pipeline" not in mods
