"""Gunicorn's settings for the web processes: `gunicorn -c deploy/gunicorn.conf.py
config.wsgi` (README: Production).

Small on purpose: workers, threads, timeouts and worker recycling are added here
next (issue #18, the production set-up). Options given on the command line win.
"""

import glob
import os
import tempfile

# Only the TLS proxy reaches gunicorn: it listens on the loopback (or a private
# address, with `--bind`), so no one outside can forge X-Forwarded-For.
bind = "127.0.0.1:8000"

# Prometheus metrics from every worker (config.metrics): each worker process writes
# its counters to files in this folder and a scrape adds them all up. It must be
# set before the workers import the site; systemd can give one
# (RuntimeDirectory=), otherwise each start makes a folder of its own.
os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="hocvuso-metrics-")
)


def on_starting(server):
    """A new start counts from zero: no file of a previous run's workers."""
    for path in glob.glob(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], "*.db")):
        os.remove(path)


def child_exit(server, worker):
    """A worker that ended (recycled, killed, crashed): its live gauges are
    dropped; its counters stay in the totals."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
