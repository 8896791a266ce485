"""Signals during a long command (ingest, serve): SIGTERM and SIGHUP unwind as Ctrl-C does."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import Interrupted

__all__ = ["INGEST_SIGNALS", "signals_interrupt"]

_STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
# ingest also takes Ctrl-C itself, once (see signals_interrupt)
INGEST_SIGNALS = (signal.SIGINT, *_STOP_SIGNALS)


@contextmanager
def signals_interrupt(signums: tuple[int, ...] = _STOP_SIGNALS) -> Iterator[None]:
    """Turn SIGTERM (and SIGHUP) into an interrupt while the block runs, as Ctrl-C is.

    The interrupt unwinds through ``store.transaction``, which rolls the open document
    back, and the command exits 128+signal with one line. Previous handlers come back after.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    fired = []

    def handler(signum, frame):
        # the first signal interrupts; more (a second Ctrl-C while the run cleans up) change
        # nothing, so the clean-up ends and the run exits with its one line
        if fired:
            return
        fired.append(signum)
        for other in signums:  # from now on the run is ending: more signals change nothing
            try:
                signal.signal(other, signal.SIG_IGN)
            except (ValueError, OSError):
                pass
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    previous = {}
    for s in signums:
        try:
            previous[s] = signal.signal(s, handler)
        except (ValueError, OSError):  # not available on this platform
            pass
    try:
        yield
    finally:
        if not fired:  # after a signal the process is ending: they stay ignored until it has
            for s, h in previous.items():
                signal.signal(s, h)
