"""The learner's stdio and process, made safe for an interpreter in a browser worker.

stdin comes from the page, time.sleep can be cut short by Stop, os._exit ends the program
rather than the interpreter, and the recursion limit cannot be raised past what the browser's
stack holds. ``install`` puts all of it in place once per interpreter.
"""

import io
import os
import sys
import time

NO_INPUT_MESSAGE = (
    "input() can't wait for your answer on this page: it is not cross-origin isolated, "
    "so Python cannot pause while you type. Give the value in your code instead "
    "(for example name = 'Ada'), or open Wheelhouse from a server that sends the "
    "Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers."
)

# Deeper recursion than this overflows the browser's native stack when the traceback is freed,
# which kills the interpreter; a RecursionError keeps the learner's variables instead.
SAFE_RECURSION_LIMIT = 5000


class InputUnavailableError(RuntimeError):
    """Raised by input() when the page cannot pause Python to wait for the learner."""


class ProgramExit(BaseException):
    """os._exit() in learner code: ends the program, not the interpreter."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class LearnerStdin:
    """sys.stdin for learner code: every line comes from the page through ``read_line``."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, read_line):
        # read_line() -> the line as str, None when Stop was pressed, False when there is no
        # more input; or it raises when the page cannot ask.
        self._read_line = read_line

    def readable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("stdin has no file descriptor in the browser")

    def readline(self, size=-1):
        flush_output()
        line = self._read_line()
        if line is None:  # Stop was pressed while waiting
            raise KeyboardInterrupt
        if line is False:  # no more input (a tool answering from a list ran out)
            return ""
        return line if line.endswith("\n") else line + "\n"

    def read(self, size=-1):
        return self.readline()

    def __iter__(self):
        return self

    def __next__(self):
        return self.readline()


class Tee(io.TextIOBase):
    """stdout while an exercise runs: shown to the learner and kept for expect_output."""

    def __init__(self, stream):
        self._stream = stream
        self.captured = io.StringIO()

    def write(self, text):
        self.captured.write(text)
        return self._stream.write(text)

    def flush(self):
        self._stream.flush()

    def isatty(self):
        return False

    @property
    def encoding(self):
        return self._stream.encoding


def flush_output() -> None:
    """Sends what the program printed so far to the page."""
    sys.stdout.flush()
    sys.stderr.flush()


def install(read_line, can_read_input: bool, wait=None) -> None:
    """Line-buffered stdout and stderr, stdin (and sleep, given ``wait``) through the page,
    and the guards on os._exit and the recursion limit."""
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True)
    sys.stdin = LearnerStdin(read_line if can_read_input else _no_input)
    sys.setrecursionlimit = _capped_recursion_limit(sys.setrecursionlimit)
    os._exit = _exit_program
    if wait is not None:
        time.sleep = _interruptible_sleep(wait)


def _no_input():
    raise InputUnavailableError(NO_INPUT_MESSAGE)


def _capped_recursion_limit(set_limit):
    def setrecursionlimit(limit: int) -> None:
        if limit > SAFE_RECURSION_LIMIT:
            print(
                f"Wheelhouse: sys.setrecursionlimit({limit}) lowered to {SAFE_RECURSION_LIMIT}; "
                "deeper recursion would overflow the browser's stack.",
                file=sys.stderr,
            )
            limit = SAFE_RECURSION_LIMIT
        set_limit(limit)

    return setrecursionlimit


def _exit_program(code):
    # The real os._exit would kill the WebAssembly interpreter and every variable with it.
    raise ProgramExit(code)


def _interruptible_sleep(wait):
    def sleep(seconds):
        """time.sleep that Stop can cut short (the page wakes it through shared memory)."""
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if wait(seconds):
            raise KeyboardInterrupt

    return sleep
