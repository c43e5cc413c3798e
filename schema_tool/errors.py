"""Errors a person can act on. The CLI turns them into exit codes in one place."""


class SchemaToolError(Exception):
    """Base class. exit_code: 1 = checks failed, 2 = usage or configuration error."""

    exit_code = 2


class UsageError(SchemaToolError):
    exit_code = 2


class CheckFailed(SchemaToolError):
    exit_code = 1


def one_line(exc: BaseException) -> str:
    """An exception's message as one line (libpq's and others' span several)."""
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip()) or type(exc).__name__


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, a pod stopped), unwinding like Ctrl-C so
    cleanup runs and a running statement is cancelled."""


# Set when SIGTERM arrived: libraries that catch the interrupt (psycopg cancels
# the query, then raises its own KeyboardInterrupt) may lose our subclass.
terminated = False


def raise_terminated(signum, frame):
    global terminated
    terminated = True
    raise Terminated


class sigterm_interrupts:
    """While active, SIGTERM raises Terminated (main thread only; elsewhere a no-op)."""

    def __enter__(self):
        import signal
        import threading

        self.active = threading.current_thread() is threading.main_thread()
        if self.active:
            self.previous = signal.signal(signal.SIGTERM, raise_terminated)
        return self

    def __exit__(self, *exc):
        import signal

        if self.active:
            signal.signal(signal.SIGTERM, self.previous)
        return False
