"""Run a vexdb-server process for tests: start it, wait until it serves, stop it or crash it.

The SQL logic test runner (tools/slt_runner.py) and the end-to-end fixtures (test/e2e/conftest.py)
both drive the real server binary through this module. A ServerProcess owns one data directory and
one loopback port for its whole life: `crash_and_restart()` sends SIGKILL and starts a new process
on the same directory and port, which is how the tests prove that acknowledged writes survive a
crash. Server output (stdout and stderr) is appended to one log file across restarts, so a failure
report can show everything the server said.

The server signals readiness by printing a line containing READY_MARKER once it accepts clients.
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

READY_MARKER = "ready for connections"
LOOPBACK = "127.0.0.1"


class ServerError(RuntimeError):
    """The server failed to start, or failed to stop when asked."""


def free_port(host=LOOPBACK):
    """Returns a TCP port on `host` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class ServerProcess:
    """One vexdb-server bound to a loopback port, with its own data directory and log file.

    Not thread-safe: start, stop and restart it from one thread.
    """

    def __init__(self, binary, data_dir, log_path, host=LOOPBACK, port=None):
        self.binary = Path(binary)
        self.data_dir = Path(data_dir)
        self.log_path = Path(log_path)
        self.host = host
        self.port = port or free_port(host)
        self._proc = None

    @property
    def running(self):
        """True while the server process exists and has not exited."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self):
        return self._proc.pid if self._proc else None

    def start(self, timeout=30.0):
        """Starts the server and waits until it prints READY_MARKER.

        Raises ServerError, with the end of the server log, if the binary is missing, the process
        exits early, or the marker does not appear within `timeout` seconds.
        """
        if not self.binary.is_file():
            raise ServerError(f"server binary {self.binary} not found; run `make build` first")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            log.write(f"==== starting {self.binary} on {self.host}:{self.port}\n".encode())
            log.flush()
            offset = log.tell()
            self._proc = subprocess.Popen(
                [str(self.binary), "--host", self.host, "--port", str(self.port),
                 "--data-dir", str(self.data_dir)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        self._wait_ready(offset, timeout)

    def _wait_ready(self, offset, timeout):
        """Polls the log from `offset` for READY_MARKER while the process lives."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if READY_MARKER in self._log_since(offset):
                return
            if self._proc.poll() is not None:
                raise ServerError(f"server exited with code {self._proc.returncode} before it was "
                                  f"ready\n{self.log_tail()}")
            time.sleep(0.05)
        self.kill()
        raise ServerError(f"server not ready within {timeout:.0f}s\n{self.log_tail()}")

    def _log_since(self, offset):
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def stop(self, timeout=30.0):
        """Sends SIGTERM and returns the exit code (negative: killed by that signal).

        Returns at once if the process has already exited. Raises ServerError, after killing it,
        if the server does not exit within `timeout` seconds.
        """
        if self._proc is None:
            return 0
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                raise ServerError(f"server ignored SIGTERM for {timeout:.0f}s\n{self.log_tail()}")
        return self._proc.returncode

    def kill(self):
        """Sends SIGKILL, as a crash or power loss would end the process, and reaps it."""
        if self.running:
            os.kill(self._proc.pid, signal.SIGKILL)
        if self._proc is not None:
            self._proc.wait()

    def crash_and_restart(self, timeout=30.0):
        """Kills the server with SIGKILL, then starts it again on the same data dir and port."""
        self.kill()
        self.start(timeout)

    def log_tail(self, max_lines=200):
        """Returns the last `max_lines` lines the server wrote, for failure reports."""
        if not self.log_path.exists():
            return "(no server log)"
        lines = self.log_path.read_text("utf-8", "replace").splitlines()
        return "---- server log (tail) ----\n" + "\n".join(lines[-max_lines:])
