#!/usr/bin/env python3
"""Guided-session latency, measured from the outside through a pseudo-terminal.

  bench/tui.py [BINARY] [--runs N] [--keys N]

Start: from just before fork/exec to the arrival of the first full screen (the status line,
the last row curses draws). Key: from writing a key to the last byte of the redraw it causes
(the redraw is one doupdate, so one burst; the burst ends when the terminal has been quiet
for QUIET seconds, which is not counted). Keys measured: j/k (the cursor moves in the menu and the advice previews it)
and Enter after j/k (a changed answer: the engine, the advice and the project are recomputed).
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import termios
import tempfile
import time

STATE = tempfile.TemporaryDirectory(prefix="la-bench-tui-")

QUIET = 0.03
COLS, ROWS = 100, 30


def spawn(binary):
    # A fresh state directory per start: no offer to resume a previous run's answers.
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
               XDG_STATE_HOME=tempfile.mkdtemp(prefix="la-bench-", dir=STATE.name))
    env.pop("NO_COLOR", None)
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execve(binary, [binary], env)
    return pid, fd, t0


def read_until(fd, needle, timeout=5.0):
    """Reads until needle has arrived; returns (bytes, time of the chunk that held it)."""
    buf = b""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            buf += os.read(fd, 65536)
            if needle in buf:
                return buf, time.perf_counter()
    raise SystemExit(f"timed out waiting for {needle!r}")


def drain(fd, quiet=QUIET):
    """Reads the burst that follows; returns the time of its last byte (None: no output)."""
    last = None
    while True:
        r, _, _ = select.select([fd], [], [], quiet if last else 2.0)
        if not r:
            return last
        if os.read(fd, 65536):
            last = time.perf_counter()


def stats(name, xs):
    xs = sorted(x * 1000 for x in xs)
    p95 = xs[min(len(xs) - 1, int(len(xs) * 0.95))]
    print(f"| {name} | {len(xs)} | {statistics.median(xs):.2f} | {p95:.2f} | {xs[-1]:.2f} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default="build/src/lambda-advisor")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--keys", type=int, default=200)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)

    starts = []
    for _ in range(a.runs):
        pid, fd, t0 = spawn(binary)
        _, t1 = read_until(fd, b"q quit")
        starts.append(t1 - t0)
        drain(fd)
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)

    pid, fd, _ = spawn(binary)
    read_until(fd, b"q quit")
    drain(fd)
    moves, answers = [], []
    for i in range(a.keys):
        t = time.perf_counter()
        os.write(fd, b"j" if i % 2 == 0 else b"k")
        last = drain(fd)
        if last:
            moves.append(last - t)
    # Back is not undo: an answer is timed when it changes (j or k first, then Enter), and
    # Backspace returns to the question untimed.
    for i in range(a.keys):
        os.write(fd, b"j" if i % 2 == 0 else b"k")
        drain(fd)
        t = time.perf_counter()
        os.write(fd, b"\r")
        last = drain(fd)
        if last:
            answers.append(last - t)
        os.write(fd, b"\x7f")
        drain(fd)
    os.write(fd, b"\x03")
    os.waitpid(pid, 0)
    os.close(fd)

    print(f"{binary}, {COLS}x{ROWS}, TERM=xterm-256color")
    print("| What | Runs | Median [ms] | p95 [ms] | Max [ms] |")
    print("|:---|---:|---:|---:|---:|")
    stats("start to first full screen", starts)
    stats("key j/k to finished redraw (cursor moves)", moves)
    stats("key Enter to finished redraw (a changed answer: advice, code)", answers)


if __name__ == "__main__":
    main()
