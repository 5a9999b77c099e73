"""The marker protocol of desktop/ui/bench.py, for the baseline windows (which must not import
the app): ``BRI_FACTS_BENCH <name> <value>`` lines on stdout."""

import os
import sys
import time

_LOADED = time.perf_counter()


def elapsed() -> float:
    t0 = os.environ.get("BRI_FACTS_BENCH_T0")
    return time.perf_counter() - float(t0) if t0 else time.perf_counter() - _LOADED


def _status_mib(field: str) -> float | None:
    """A memory figure of /proc/self/status (Linux), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def rss_now_mib() -> float:
    """Resident memory now (0 where /proc is missing)."""
    return _status_mib("VmRSS") or 0.0


def peak_rss_mib() -> float:
    peak = _status_mib("VmHWM")
    if peak is not None:
        return peak
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def mark(name: str, value: float | None = None) -> None:
    value = elapsed() if value is None else value
    sys.stdout.write(f"BRI_FACTS_BENCH {name} {value:.4f}\n")
    sys.stdout.flush()
