"""The production stack on one machine, loopback only (`make prod`, issue 17).

What a province runs, with local processes: PostgreSQL and Redis as found on this machine (or
started when they are installed but stopped), one or more gunicorn nodes with the production
settings and deploy/gunicorn.conf.py, the task worker (`db_worker`), the scheduler
(`run_scheduler`) and nginx with deploy/nginx.conf itself, only its ports and paths rewritten.
Everything the stack writes is under one folder (var/prod by default): the generated secret key,
a self-signed certificate, static and media files, logs, pid files, nginx's cache.

No Django import at module level: the benchmarks, the tests and the `prodstack` command use it
from outside the stack's own settings. The processes are started detached (their own session)
and found again by their pid files, so `stop` works from another shell.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


class StackError(RuntimeError):
    """Something the operator must fix (a service missing, a port taken); the message says what."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError:
        return False
    return True


def wait_port(host: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(host, port):
            return True
        time.sleep(0.2)
    return False


def loopback_tls_context() -> ssl.SSLContext:
    """TLS to our own nginx on 127.0.0.1: encrypted, but its certificate (self-signed here, the
    public name's in production) is not checked against the loopback address."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """fullchain.pem and privkey.pem for 127.0.0.1 and localhost (kept while they exist)."""
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    if not (cert.exists() and key.exists()):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        key.chmod(0o600)
    return cert, key


def render_nginx(
    folder: Path,
    *,
    upstreams: list[str],
    http_port: int,
    https_port: int,
    static_root: Path | None = None,
    media_root: Path | None = None,
) -> Path:
    """deploy/nginx.conf with its ports and paths pointed at `folder`, inside a minimal main
    configuration; returns the main file (nginx -c FILE -p FOLDER)."""
    for name in ("logs", "cache", "static", "media", "acme", "temp", "tls"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    self_signed_certificate(folder / "tls")
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    replacements = {
        "server 127.0.0.1:8000;": " ".join(f"server {upstream};" for upstream in upstreams),
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/ssl/portal/": f"{folder}/tls/",
        "/var/log/nginx/": f"{folder}/logs/",
        "/var/cache/nginx/portal": f"{folder}/cache",
        "/srv/portal/var/static/": f"{static_root or folder / 'static'}/",
        "/srv/portal/var/media/": f"{media_root or folder / 'media'}/",
        "/var/www/acme": f"{folder}/acme",
    }
    for old, new in replacements.items():
        if old not in site:
            raise StackError(f"deploy/nginx.conf no longer has {old!r}: update portal/core/localstack.py")
        site = site.replace(old, new)
    site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)  # loopback IPv4 only
    (folder / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read files under /root or /work
    temp = folder / "temp"
    main = folder / "nginx.conf"
    main.write_text(
        f"""{user}worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return main


def _alive(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child: reap it if it ended
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process is alive too
    return True


def _ours(pid: int) -> bool:
    """A pid file outliving a reboot may name someone else's process now."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: trust the pid file
    return any(marker in command for marker in (b"gunicorn", b"manage.py", b"nginx", b"redis"))


@dataclass
class Stack:
    """One local production stack. Ports and addresses come from the environment (PROD_*) or
    the defaults below; several stacks can live side by side in different folders."""

    folder: Path = field(default_factory=lambda: Path(os.environ.get("PROD_DIR", ROOT / "var" / "prod")))
    https_port: int = field(default_factory=lambda: int(os.environ.get("PROD_HTTPS_PORT", "8443")))
    http_port: int = field(default_factory=lambda: int(os.environ.get("PROD_HTTP_PORT", "8080")))
    node_ports: list[int] = field(
        default_factory=lambda: [int(p) for p in os.environ.get("PROD_NODE_PORTS", "8101").split(",")]
    )
    database_url: str = field(
        default_factory=lambda: os.environ.get("PROD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_prod")
    )
    redis_url: str = field(default_factory=lambda: os.environ.get("PROD_REDIS_URL", "redis://127.0.0.1:6379/5"))
    web_workers: int = field(default_factory=lambda: int(os.environ.get("PROD_WEB_WORKERS", "0")))

    # Paths --------------------------------------------------------------------------------
    @property
    def run_dir(self) -> Path:
        return self.folder / "run"

    @property
    def log_dir(self) -> Path:
        return self.folder / "logs"

    @property
    def nginx_dir(self) -> Path:
        return self.folder / "nginx"

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def secret_key(self) -> str:
        path = self.folder / "secret_key"
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(50), encoding="ascii")
            path.chmod(0o600)
        return path.read_text(encoding="ascii").strip()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment every process of the stack runs with (production settings)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PORTAL_", "PYTEST"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            DEBUG="0",  # whatever the calling shell (or the development settings) set
            TASKS_BACKEND="database",
            SECRET_KEY=self.secret_key(),
            DATABASE_URL=self.database_url,
            DATABASE_CONN_MAX_AGE="60",
            REDIS_URL=self.redis_url,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=f"{self.base_url},https://localhost:{self.https_port}",
            BASE_URL=self.base_url,
            FRONTEND_CACHE_URL=self.base_url,
            TRUSTED_PROXIES="1",
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=str(self.folder / "media"),
            PRIVATE_MEDIA_ROOT=str(self.folder / "private"),
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",  # no mail leaves this machine
            PYTHONUNBUFFERED="1",
        )
        if self.web_workers:
            env["WEB_WORKERS"] = str(self.web_workers)
        env.update(extra)
        return env

    # Services -----------------------------------------------------------------------------
    def ensure_services(self) -> list[str]:
        """PostgreSQL and Redis reachable, started when installed but stopped; the database
        created when missing. Returns what was started."""
        started = []
        database = urlsplit(self.database_url)
        if database.scheme.startswith("postgres"):
            host, port = database.hostname or "127.0.0.1", database.port or 5432
            if not port_open(host, port):
                subprocess.run(["service", "postgresql", "start"], capture_output=True)
                if not wait_port(host, port, 20):
                    raise StackError(f"PostgreSQL does not answer on {host}:{port} (PROD_DATABASE_URL)")
                started.append("postgresql")
            self._create_database()
        redis = urlsplit(self.redis_url)
        host, port = redis.hostname or "127.0.0.1", redis.port or 6379
        if not port_open(host, port):
            server = shutil.which("redis-server")
            if not server or host not in ("127.0.0.1", "localhost"):
                raise StackError(f"Redis does not answer on {host}:{port} (PROD_REDIS_URL)")
            self.run_dir.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--daemonize", "yes",
                 "--dir", str(self.run_dir), "--pidfile", str(self.run_dir / "redis.pid")],
                check=True, capture_output=True,
            )  # fmt: skip
            if not wait_port(host, port, 10):
                raise StackError(f"redis-server did not start on {host}:{port}")
            started.append("redis")
        return started

    def _create_database(self) -> None:
        import psycopg

        parts = urlsplit(self.database_url)
        name = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin, autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')  # noqa: S608 - our own setting, quoted

    def manage(self, *args: str) -> None:
        """One management command with the stack's settings; its output goes to setup.log."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / "setup.log", "a", encoding="utf-8") as log:
            result = subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), *args],
                cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        if result.returncode:
            raise StackError(f"manage.py {' '.join(args)} failed: see {self.log_dir / 'setup.log'}")

    def prepare(self, *, demo: bool = True) -> None:
        """Schema, the portal's pages and roles, the demo content (idempotent), static files."""
        self.manage("migrate", "--noinput")
        self.manage("setup_portal")
        if demo:
            self.manage("seed_demo")
        self.manage("collectstatic", "--noinput", "-v0")

    # Processes ----------------------------------------------------------------------------
    def spawn(self, name: str, command: list[str], env: dict[str, str]) -> int:
        """Start one detached process, its output in logs/NAME.log, its pid in run/NAME.pid."""
        running = self.pid(name)
        if running:
            raise StackError(f"{name} is already running (pid {running}): stop the stack first")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        (self.run_dir / f"{name}.pid").write_text(str(process.pid), encoding="ascii")
        return process.pid

    def start_node(self, port: int, name: str | None = None, **extra_env: str) -> int:
        if port_open("127.0.0.1", port):
            raise StackError(f"port {port} is taken: choose others with PROD_NODE_PORTS")
        command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "portal.wsgi"]
        pid = self.spawn(name or f"node-{port}", command, self.env(PORT=str(port), **extra_env))
        if not wait_port("127.0.0.1", port, 60):
            raise StackError(f"gunicorn did not start on port {port}: see {self.log_dir}/{name or f'node-{port}'}.log")
        return pid

    def start(self, *, demo: bool = True) -> None:
        if not NGINX:
            raise StackError("nginx is not installed (apt-get install nginx-light)")
        for port in (self.https_port, self.http_port):
            if port_open("127.0.0.1", port):
                raise StackError(f"port {port} is taken: choose others with PROD_HTTPS_PORT / PROD_HTTP_PORT")
        self.ensure_services()
        self.prepare(demo=demo)
        manage = [sys.executable, str(ROOT / "manage.py")]
        self.spawn("worker", [*manage, "db_worker"], self.env())
        self.spawn("scheduler", [*manage, "run_scheduler", "--interval", "30"], self.env())
        for port in self.node_ports:
            self.start_node(port)
        main = render_nginx(
            self.nginx_dir,
            upstreams=[f"127.0.0.1:{port}" for port in self.node_ports],
            http_port=self.http_port,
            https_port=self.https_port,
            static_root=self.folder / "static",
            media_root=self.folder / "media",
        )
        self.spawn("nginx", [NGINX, "-c", str(main), "-p", str(self.nginx_dir), "-g", "daemon off;"], self.env())
        if not wait_port("127.0.0.1", self.https_port, 15):
            raise StackError(f"nginx did not start: see {self.nginx_dir}/logs/error.log")
        self.wait_ready()

    def wait_ready(self, timeout: float = 90) -> dict:
        deadline = time.monotonic() + timeout
        report: dict = {}
        while time.monotonic() < deadline:
            status, report = self.readiness()
            if status == 200:
                return report
            time.sleep(1)
        raise StackError(f"the stack is not ready after {timeout:.0f} s: {json.dumps(report, ensure_ascii=False)}")

    def readiness(self) -> tuple[int, dict]:
        """/readyz through nginx: (HTTP status, its JSON), (0, {}) when nothing answers."""
        try:
            with urlopen(Request(f"{self.base_url}/readyz"), timeout=5, context=loopback_tls_context()) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except OSError as error:  # an HTTPError (503) carries the report; anything else: no answer
            try:
                return getattr(error, "code", 0), json.loads(error.read()) if hasattr(error, "read") else {}
            except ValueError:
                return getattr(error, "code", 0), {}

    def names(self) -> list[str]:
        return sorted(path.stem for path in self.run_dir.glob("*.pid")) if self.run_dir.exists() else []

    def pid(self, name: str) -> int | None:
        path = self.run_dir / f"{name}.pid"
        try:
            pid = int(path.read_text(encoding="ascii"))
        except (OSError, ValueError):
            return None
        return pid if _alive(pid) and _ours(pid) else None

    def stop_process(self, name: str, timeout: float = 30) -> bool:
        """SIGTERM (gunicorn and nginx finish what they serve), SIGKILL after `timeout` s."""
        pid = self.pid(name)
        (self.run_dir / f"{name}.pid").unlink(missing_ok=True)
        if not pid:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        return True

    def stop(self) -> list[str]:
        """Front to back: nginx, the nodes, the scheduler, the worker, a Redis we started."""
        order = ["nginx", *[n for n in self.names() if n.startswith("node")], "scheduler", "worker", "redis"]
        order += [name for name in self.names() if name not in order]
        return [name for name in order if self.stop_process(name)]
