"""The console examples of README.md and docs/*.md stay true: every `$ …` line of a ```console
block is run (in a pipe, as a script would) and its output, stderr first, compared with the
page's. Commands run in a scratch folder that holds the seeds (`seeds/`), the tests' data
(`tests/`) and a `downloads/` folder of files zibo refuses, beside a database with the seeds
ingested; an `ingest` of anything else gets a database of its own, so it changes no other
example. `$ echo $?` after a command checks its exit code. Commands that are shown, not run
(a server, another program's shell) stand in ```sh blocks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def examples() -> list[tuple[str, str, list[str], int | None]]:
    """(page, command, expected lines, expected exit code or None) of every console example."""
    out: list[tuple[str, str, list[str], int | None]] = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
            command, expected = None, []
            for line in block.splitlines() + ["$ END"]:
                if line.startswith("$ "):
                    if command == "echo $?":
                        name, previous, lines, _ = out.pop()
                        out.append((name, previous, lines, int(expected[0])))
                    elif command:
                        out.append((page.name, command, expected, None))
                    command, expected = line[2:].split("  #")[0].strip(), []
                elif command:
                    expected.append(line)
    return out


EXAMPLES = examples()


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """The scratch folder and the environment the examples run in."""
    here = tmp_path_factory.mktemp("examples")
    (here / "seeds").symlink_to(ROOT / "seeds")
    (here / "tests").symlink_to(ROOT / "tests")
    downloads = here / "downloads"
    downloads.mkdir()
    (downloads / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (downloads / "empty.txt").write_bytes(b"")
    (downloads / "reports.zip").write_bytes(b"PK\x03\x04\x14\0\0\0\0\0")
    (downloads / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8)
    (downloads / "scan.pdf").write_bytes(_blank_pdf())
    shutil.copy(ROOT / "seeds" / "000_f3de8a4f265dc74f.txt", downloads / "report.txt")
    env = {**os.environ, "ZIBO_DB": str(here / "zibo.db"), "COLUMNS": "200",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NO_COLOR", None)
    subprocess.run([str(BIN / "zibo"), "ingest", "seeds/", "-q"], env=env, cwd=here, check=True)
    return here, env


def _blank_pdf() -> bytes:
    """A one-page PDF with no text layer, as a scan is."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            b"<< /Length 0 >>\nstream\n\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def run(command: str, here: Path, env: dict) -> subprocess.CompletedProcess:
    if command.startswith("zibo ingest") and not re.match(r"zibo ingest seeds/ ", command + " "):
        env = {**env, "ZIBO_DB": str(here / f"own-{abs(hash(command))}.db")}
        Path(env["ZIBO_DB"]).unlink(missing_ok=True)
    elif command.startswith("zibo ingest seeds/") and "--json" not in command:  # a first ingest
        env = {**env, "ZIBO_DB": str(here / "first.db")}
        Path(env["ZIBO_DB"]).unlink(missing_ok=True)
    if "| jq" in command and shutil.which("jq", path=env["PATH"]) is None:
        pytest.skip("jq is not installed")
    return subprocess.run(command, shell=True, capture_output=True, text=True, env=env, cwd=here,
                          timeout=120)


@pytest.mark.parametrize("page, command, expected, code", EXAMPLES,
                         ids=[f"{p}: {c}" for p, c, _, _ in EXAMPLES])
def test_example(place, page, command, expected, code):
    here, env = place
    want = list(expected)
    while want and not want[-1].strip():
        want.pop()
    p = run(command, here, env)
    got = p.stdout.splitlines()
    if any(line.startswith("zibo: ") for line in want):
        got = p.stderr.splitlines() + got
    if any("…" in line for line in want):  # an elided example: the lines shown must be there
        assert all(any(_cells_match(w, g) for g in got) for w in want), "\n".join(got)
    else:  # a pipe prints TAB-separated cells; the page shows them aligned
        assert [_cells(g) for g in got] == [_cells(w) for w in want], p.stderr + "\n".join(got)
    if code is not None:
        assert p.returncode == code


def test_every_page_has_examples_or_none_broken():
    """Console blocks are found on the pages (a renamed fence would silently check nothing)."""
    assert sum(p == "README.md" for p, *_ in EXAMPLES) >= 5


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c for c in line.rstrip().split("\t") if c]
    return re.split(r"\s{2,}", line.strip()) if line.strip() else []


def _cells_match(want: str, got: str) -> bool:
    """Does a page's line (maybe a terminal table row with cells cut by …, or a `…` line
    standing for the rest) show what a pipe prints? Cells are compared, not column widths."""
    if want.strip() == "…" or not want.strip():
        return True
    w, g = re.split(r"\s{2,}", want.strip()), _cells(got)
    if len(w) != len(g):
        return want.split("…")[0].rstrip() in got  # not a table row: its text up to the cut
    return all(gc == wc or (wc.endswith("…") and gc.startswith(wc[:-1])) for wc, gc in zip(w, g, strict=True))
