"""A deadline for the code inside a ``with`` block: ``alarm(seconds, error)`` raises ``error`` in
whatever the block is waiting on once ``seconds`` have passed (SIGALRM, a process's main thread
only; elsewhere, or with 0 seconds, it does nothing and the caller bounds its own loops)."""

from __future__ import annotations


class alarm:  # noqa: N801 (used as a context manager, like contextlib's)
    def __init__(self, seconds: float, error: type[BaseException]):
        import signal
        import threading

        self.seconds, self.error = seconds, error
        self.active = bool(seconds) and hasattr(signal, "setitimer") and \
            threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.active:
            import signal

            error = self.error

            def expire(signum, frame):
                raise error

            self.previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.active:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False
