#!/usr/bin/env python3
"""usage: measure.py CMD...: runs CMD (its output discarded) and prints "CPU_SECONDS MAX_RSS_KB
EXIT" for it: CPU is user + system time, so the other jobs of a busy machine count little."""
import resource
import subprocess
import sys

rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{u.ru_utime + u.ru_stime:.3f} {u.ru_maxrss} {rc}")
