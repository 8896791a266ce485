"""ingest.FoundList: the files of a run kept compact (a Found with its Path is ~800 bytes a file;
100,000 files held ~75 MB in the main process and in each parser it forks), given back equal."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from zibo_cli.ingest import Found, FoundList, find_files


def _same(a, b) -> bool:
    attrs = ("relpath", "source", "linked_from", "name", "real")
    return (type(a) is type(b) and tuple(a) == tuple(b)
            and all(getattr(a, k, None) == getattr(b, k, None) for k in attrs))


def test_every_kind_of_pair_comes_back_equal(tmp_path):
    items = [
        Found(Path("/r/a.txt"), None, "r/a.txt", real="/r/a.txt"),  # the walk's usual file
        Found(Path("/r/b.txt"), None, "r/b.txt", real="/elsewhere/b.txt"),  # through a link
        Found(Path("/r/c.txt"), None, "r/c.txt"),  # resolved later (real unknown)
        Found(Path("/tmp/x/page.html"), None, "page.html", source="https://example.org/a",
              linked_from="https://example.org/", name="a.html"),  # fetched: its own name
        Found(Path("''"), "an empty path"),  # an error
        Found(Path("/r/bad\udcff.txt"), None, "r/bad\udcff.txt"),  # a name that is not UTF-8
        (Path("/plain.txt"), None),  # a plain pair from a script
    ]
    back = list(FoundList(items))
    assert len(FoundList(items)) == len(items) == len(back)
    assert all(_same(a, b) for a, b in zip(items, back, strict=True))
    assert list(FoundList(FoundList(items)))[3].name == "a.html"  # a FoundList of a FoundList


def test_a_walk_comes_back_as_it_was(tmp_path):
    for i in range(30):
        (tmp_path / "in" / f"d{i % 3}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / f"d{i % 3}" / f"r{i}.txt").write_text("x", encoding="utf-8")
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "in" / "d0" / "r0.txt")
    walked = list(find_files([tmp_path / "in", tmp_path / "missing"]))
    assert all(_same(a, b) for a, b in zip(walked, FoundList(walked), strict=True))


def test_it_holds_under_half_the_memory():
    def held(build) -> int:
        """Bytes the built list holds: the least of three measurements (a thread left running by
        an earlier test of the session may allocate while one is taken)."""
        sizes = []
        for _ in range(3):
            tracemalloc.start()
            try:
                kept = build()  # noqa: F841  (alive while measured)
                sizes.append(tracemalloc.get_traced_memory()[0])
            finally:
                tracemalloc.stop()
                del kept
        return min(sizes)

    def found():
        return [Found(Path(f"/data/reports/2024/r{i:05d}.txt"), None, f"reports/2024/r{i:05d}.txt",
                      real=f"/data/reports/2024/r{i:05d}.txt") for i in range(5000)]

    assert held(lambda: FoundList(found())) * 2 <= held(found)  # measured: ~260 against ~760 bytes a file
