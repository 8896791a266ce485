"""The bare read-and-index floor that ``bench/run.py`` measures ingest against.

    python bench/floor.py FOLDER DB

Does what any ingest of the same files must do, and nothing more: read each file, hash it
(SHA-256), decode it (UTF-8, a BOM dropped, else GB18030, which covers GBK), and insert its
text into a new SQLite database with an FTS5 trigram index over it (external content, as
zibo's ``documents_fts``), all in one transaction. No parsing, no normalising, no figures.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def main(folder: Path, db: Path) -> int:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT NOT NULL, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(text, tokenize='trigram', content='documents', "
                 "content_rowid='id')")
    n = 0
    conn.execute("BEGIN")
    for path in sorted(folder.rglob("*")):
        if path.name.startswith(".") or not path.is_file():
            continue
        data = path.read_bytes()
        text = decode(data)
        key = conn.execute("INSERT INTO documents (sha256, path, text) VALUES (?, ?, ?)",
                           (hashlib.sha256(data).hexdigest(), str(path), text)).lastrowid
        conn.execute("INSERT INTO documents_fts (rowid, text) VALUES (?, ?)", (key, text))
        n += 1
    conn.execute("COMMIT")
    conn.close()
    print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
