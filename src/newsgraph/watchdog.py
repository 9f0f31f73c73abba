"""A per-article time limit: a runaway article is stopped and rejected, and the batch goes on.

    try:
        with time_limit(30):
            doc = nlp(doc)
    except ArticleTimeout as exc:
        reject(exc.reason)                   # "timed out after 30 s"

In a process's main thread the limit is a real-time interval timer (`signal.setitimer`) whose
SIGALRM handler raises `ArticleTimeout` in the code running at that moment: Python code, and
regular-expression matching (the `re` engine checks for signals while it backtracks). In any other
thread (the API's thread pool) a `threading.Timer` raises it asynchronously in the limited thread
(`PyThreadState_SetAsyncExc`), which takes effect at the next Python bytecode: it cannot stop a
single long call into C code, which the signal path can for `re`.

`ArticleTimeout` derives from BaseException, like KeyboardInterrupt, so the `except Exception`
guards that keep one component's failure from losing an article cannot swallow it.
"""

from __future__ import annotations

import ctypes
import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class ArticleTimeout(BaseException):
    """Raised inside code that ran past its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timed out after {seconds:g} s")
        self.seconds = seconds

    @property
    def reason(self) -> str:
        """The rejection reason: "timed out after N s"."""
        return str(self)


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `ArticleTimeout` in the body if it runs longer than `seconds` (0 or less: no limit).

    Nesting is supported in the main thread: an outer limit that expires first still fires.
    """
    if seconds <= 0:
        yield
        return
    if _signals_usable():
        with _signal_limit(seconds):
            yield
    else:
        with _thread_limit(seconds):
            yield


_RETRY_SECONDS = 0.05


def _in_gc_callback(frame: FrameType | None) -> bool:
    """Whether `frame` runs inside a function registered in `gc.callbacks`."""
    codes = {getattr(cb, "__code__", None) for cb in gc.callbacks}
    codes.discard(None)
    depth = 0
    while frame is not None and codes and depth < 50:
        if frame.f_code in codes:
            return True
        frame = frame.f_back
        depth += 1
    return False


@contextmanager
def _signal_limit(seconds: float) -> Iterator[None]:
    live = [True]  # False from the first step of the `finally` below: the limit is over

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        # A follow-up alarm (below) may be delivered while the exception unwinds, at the start
        # of the `finally` before it cancels the timer: raising there would skip the cancel and
        # leave this handler armed, and its next alarm would hit the caller's own recovery code.
        if not live[0]:
            return
        # An exception raised inside a garbage-collector callback is printed and dropped, so the
        # article would run on: wait until the collector is done. Either way a follow-up alarm
        # is armed, in case this exception is swallowed elsewhere; the `finally` below cancels it.
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
        if not _in_gc_callback(frame):
            raise ArticleTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    # an outer limit due sooner than ours keeps its handler and deadline
    if outer and outer < seconds:
        signal.signal(signal.SIGALRM, previous)
        signal.setitimer(signal.ITIMER_REAL, outer)
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        live[0] = False  # a plain store: no signal handler runs before it
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int


@contextmanager
def _thread_limit(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    # SetAsyncExc instantiates the class without arguments: bind the limit into a subclass
    timeout = type("ArticleTimeout", (ArticleTimeout,), {"__init__": _bound_init(seconds)})

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(target, ctypes.py_object(timeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
        if state["fired"]:  # still pending if it was set after the body's last bytecode: drop it
            _set_async_exc(target, ctypes.py_object())


def _bound_init(seconds: float) -> Callable[[ArticleTimeout], None]:
    def init(self: ArticleTimeout) -> None:
        ArticleTimeout.__init__(self, seconds)

    return init
