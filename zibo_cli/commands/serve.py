"""`zibo serve` as a plain function (see zibo_cli/commands/__init__.py): the database as web pages
(Datasette), until stopped."""

from __future__ import annotations

from pathlib import Path

from .messages import say


def serve(db: Path, *, port: int = 8001, host: str = "127.0.0.1") -> None:
    """Serve ``db`` with Datasette on ``host``:``port`` until Ctrl-C (or SIGTERM)."""
    import importlib.util
    import json
    import os
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from ..errors import UsageError, ZiboError

    if importlib.util.find_spec("datasette") is None:
        raise UsageError("zibo serve needs Datasette: pip install 'zibo[web]' (or pip install datasette)")
    from ..query import Zibo
    from ..web import ANSWERS, DB_NAME, PLUGINS_DIR, TEMPLATES_DIR, build_answers, metadata, port_taken

    if port_taken(host, port):  # exit 1, one line (README: Errors and exit codes)
        raise ZiboError(f"port {port} on {host} is already in use (another zibo serve?); "
                        "choose another with --port N, or --port 0 for any free one")

    with Zibo(db) as z:
        z.conn  # refuses a missing, foreign or newer database; upgrades an older one  # noqa: B018
    port = _free_port(host, port)
    work = Path(tempfile.mkdtemp(prefix="zibo-serve-"))
    answers = work / f"{ANSWERS}.db"
    build_answers(answers)  # views: the plugin computes their rows when a page asks
    meta = work / "metadata.json"
    meta.write_text(json.dumps(metadata(db), ensure_ascii=False, indent=1), encoding="utf-8")
    linked = work / f"{DB_NAME}.db"  # Datasette names a database after its file
    linked.symlink_to(Path(db).resolve())
    from ..store import writable

    # a database on a read-only folder or file system cannot have the -shm file SQLite's WAL mode
    # needs: Datasette opens it as immutable (it cannot change while served anyway)
    zibo_db = ["-i", str(linked)] if not writable(Path(db)) else [str(linked)]
    cmd = [sys.executable, "-m", "datasette", "serve", *zibo_db, str(answers), "--metadata", str(meta),
           "--plugins-dir", str(PLUGINS_DIR), "--template-dir", str(TEMPLATES_DIR), "--host", host, "--port", str(port),
           "--setting", "sql_time_limit_ms", "3000"]
    say(f"serving {db} at http://{host}:{port}/ (Ctrl-C stops it)")
    from ..ingest import _die_with_parent
    from .signals import signals_interrupt

    try:
        # SIGTERM/SIGHUP unwind as Ctrl-C does (subprocess.call then kills Datasette and the
        # work folder goes); the kernel ends Datasette if zibo itself is killed outright
        with signals_interrupt():
            code = subprocess.call(cmd, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                                   preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    except KeyboardInterrupt:
        code = 0
    finally:
        for f in work.iterdir():
            f.unlink(missing_ok=True)
        work.rmdir()
    if code not in (0, -2, 130):  # (Ctrl-C reaches Datasette too)
        from ..errors import ZiboError

        raise ZiboError(f"Datasette stopped with an error (its exit status {code}; its messages are above)")


def _free_port(host: str, port: int) -> int:
    """``port`` once it is known to be free on ``host`` (0: a free one, chosen now, so that the
    address printed is the one served); a port in use or an address that cannot be had is one line."""
    import errno
    import socket

    from ..errors import ZiboError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise ZiboError(f"cannot listen on {host}: {e.strerror or e}; give --host an address of this machine") \
            from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            s.bind(address)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise ZiboError(f"port {port} on {host} is in use (another zibo serve?); choose another with "
                                "--port N (--port 0: any free one)") from None
            if e.errno == errno.EACCES:
                raise ZiboError(f"port {port} on {host} needs privileges; choose one above 1023 with --port N") \
                    from None
            raise ZiboError(f"cannot listen on {host} port {port}: {e.strerror or e}") from None
        return s.getsockname()[1]
