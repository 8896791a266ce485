"""Shared fixtures: a temporary database, a CliRunner, paths to the seeds."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

# Property tests: `make test` runs them derandomized with no example database, so a run on any
# machine tries the same inputs and CI never fails by chance; `make fuzz` (ZIBO_HYPOTHESIS=fuzz)
# runs them with random seeds and many more examples. A failure fuzzing finds becomes an
# @example or a unit test, so that `make test` keeps it.
settings.register_profile("ci", derandomize=True, database=None, max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", derandomize=False, database=None,
                          max_examples=int(os.environ.get("ZIBO_FUZZ_EXAMPLES", "5000")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile(os.environ.get("ZIBO_HYPOTHESIS", "ci"))

# The suite starts the CLI hundreds of times in subprocesses. With PYTHONDONTWRITEBYTECODE set (some
# shells set it), each of them compiled zibo_cli from source again (~0.25 s of CPU a start), and the
# test modules' rewritten assertions were never cached. Bytecode is written as on a user's machine
# (bench/run.py clears the variable for the same reason).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    """A database path in a fresh folder; ZIBO_DB points at it."""
    path = tmp_path / "zibo.db"
    monkeypatch.setenv("ZIBO_DB", str(path))
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def zibo(runner, db):
    """Run the CLI: ``zibo("docs", "--json")`` → click Result (stdout and stderr apart)."""
    from zibo_cli.cli import app

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def zibo_json(zibo):
    """Run a CLI command with --json and return the parsed array (asserting exit 0)."""

    def run(*args: str):
        result = zibo(*args, "--json")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert isinstance(data, list)
        return data

    return run


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def ingest_texts(zibo, tmp_path):
    """Write ``{file name: text}`` as UTF-8 files in a fresh folder and ingest it (asserting exit 0)."""
    counter = iter(range(1_000_000))

    def run(files: dict[str, str]) -> Path:
        folder = tmp_path / f"reports{next(counter)}"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        result = zibo("ingest", folder)
        assert result.exit_code == 0, result.stderr
        return folder

    return run


@pytest.fixture(scope="session")
def ingested(tmp_path_factory):
    """A folder ingested once a test session by the venv's ``zibo``, as a user runs it, shared by the
    tests that read the same corpus (the real corpus: its scores, answers, web pages):
    ``ingested(folder)`` → that fresh database, only to be read; ``ingested(folder, copy=True)`` → a
    copy of it of the test's own, to write to (a re-ingest: the scorer's)."""
    made: dict[Path, Path] = {}
    zibo = Path(sys.executable).with_name("zibo")

    def get(folder: Path, copy: bool = False) -> Path:
        folder = Path(folder).resolve()
        if folder not in made:
            db = tmp_path_factory.mktemp("ingested") / "zibo.db"
            p = subprocess.run([str(zibo), "ingest", str(folder), "-q"], env={**os.environ, "ZIBO_DB": str(db)},
                               capture_output=True, text=True)
            assert p.returncode == 0, p.stderr
            made[folder] = db
        if not copy:
            return made[folder]
        path = tmp_path_factory.mktemp("copy") / "zibo.db"
        src, dst = sqlite3.connect(made[folder]), sqlite3.connect(path)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return path

    return get
