"""The demo's own print server: a private cupsd, run as whoever runs the demo, with one queue.

The demo prints the way the appliance does — through CUPS, with the same job names and the
same code — but onto files: the queue `demo-printer` has a backend that writes each job as
`<job name>.pdf` into the demo's output folder (./demo-output/). The demo's patients are
invented, so its printed schedule may land there too. The server lives in a temporary folder,
listens on 127.0.0.1 and its own socket only, keeps no job files, and stops with the demo.
CUPS' own test suite runs cupsd unprivileged the same way.
"""

import getpass
import grp
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from kiosk.errors import DowntimeKioskError

__all__ = ["QUEUE", "DemoPrintServer"]

QUEUE = "demo-printer"
_BACKEND = "demofile"
_BACKEND_SCRIPT = """#!/bin/sh
# demofile:/DIR - write each job to DIR/<job name>.pdf (the downtime kiosk's demo printer)
if [ $# -eq 0 ]; then echo 'direct demofile "Unknown" "Downtime Kiosk demo printer"'; exit 0; fi
dir="${DEVICE_URI#demofile:}"
name=$(printf '%s' "$3" | tr -c 'A-Za-z0-9._-' '_')
target="$dir/$name.pdf"
n=2
while [ -e "$target" ]; do target="$dir/$name-$n.pdf"; n=$((n + 1)); done
if [ -n "$6" ]; then cat "$6" > "$target.part"; else cat > "$target.part"; fi
mv "$target.part" "$target"
"""
_CUPSD_CONF = """LogLevel warn
Listen 127.0.0.1:{port}
Listen {socket}
Browsing No
WebInterface No
DefaultAuthType None
PreserveJobFiles No
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
_FILES_CONF = """ServerRoot {root}/conf
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
ServerBin {root}/serverbin
DataDir /usr/share/cups
ErrorLog {root}/log/error_log
AccessLog syslog
PageLog syslog
User {user}
Group {group}
SystemGroup root
FileDevice No
Sandboxing Relaxed
"""


def _cupsd() -> str:
    found = shutil.which("cupsd") or next((p for p in ("/usr/sbin/cupsd", "/sbin/cupsd") if Path(p).exists()), None)
    if found is None:
        raise DowntimeKioskError("the demo prints through CUPS, and cupsd is not installed "
                                 "(run .ci/setup, or apt-get install cups)")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class DemoPrintServer:
    """`with DemoPrintServer(work, output_dir) as server:` — cupsd runs, `server.address` takes jobs."""

    def __init__(self, root: Path, output_dir: Path) -> None:
        self.root = root
        self.output_dir = output_dir
        self.port = _free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        """The `CUPS_SERVER` value (host:port) of this cupsd."""
        return f"127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """cupsd's process id (for measuring it); only while it runs."""
        if self._process is None:
            raise RuntimeError("the demo print server is not running")
        return self._process.pid

    def __enter__(self) -> "DemoPrintServer":
        self._write_config()
        conf = self.root / "conf"
        self._process = subprocess.Popen(
            [_cupsd(), "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self._wait_until_it_answers()
            self._lp("lpadmin", "-p", QUEUE, "-v", f"{_BACKEND}:{self.output_dir}", "-m", "raw",
                     "-D", "Downtime Kiosk demo printer (writes PDFs)")
            self._lp("cupsenable", QUEUE)
            self._lp("cupsaccept", QUEUE)
            self._lp("lpadmin", "-d", QUEUE)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def _write_config(self) -> None:
        for sub in ("conf/ppd", "spool/tmp", "cache", "state", "tmp", "log", "serverbin/backend"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        user = getpass.getuser()
        group = grp.getgrgid(os.getgid()).gr_name
        if os.geteuid() == 0:  # root's cupsd runs jobs as lp; a 0700 backend stays root, to write the folder
            user, group = "lp", "lp"
        for sub in ("spool", "spool/tmp", "cache", "state", "tmp"):
            shutil.chown(self.root / sub, group=group)
            (self.root / sub).chmod(0o1770 if sub.endswith("tmp") else 0o770)
        (self.root / "conf" / "cupsd.conf").write_text(
            _CUPSD_CONF.format(port=self.port, socket=self.root / "cups.sock"))
        (self.root / "conf" / "cups-files.conf").write_text(_FILES_CONF.format(root=self.root, user=user, group=group))
        for part in ("daemon", "filter", "cgi-bin", "monitor", "notifier", "driver"):
            link = self.root / "serverbin" / part
            if Path("/usr/lib/cups", part).exists() and not link.exists():
                link.symlink_to(Path("/usr/lib/cups", part))
        backend = self.root / "serverbin" / "backend" / _BACKEND
        backend.write_text(_BACKEND_SCRIPT)
        backend.chmod(0o700)

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + 20
        while True:
            if self._process is not None and self._process.poll() is not None:
                log = (self.root / "log" / "error_log")
                tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
                raise DowntimeKioskError(f"the demo's cupsd did not start: {' '.join(tail) or 'no log'}")
            answer = self._lp("lpstat", "-r", check=False)
            if answer.returncode == 0 and "is running" in answer.stdout:
                return
            if time.monotonic() > deadline:
                raise DowntimeKioskError(f"the demo's cupsd on {self.address} did not answer within 20 s")
            time.sleep(0.1)

    def _lp(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CUPS_SERVER": self.address}
        result = subprocess.run(list(args), capture_output=True, text=True, env=env, check=False, timeout=30)
        if check and result.returncode != 0:
            raise DowntimeKioskError(f"the demo's cupsd refused `{' '.join(args)}`: {result.stderr.strip()}")
        return result
