"""Running the web app with waitress in one or several worker processes.

One listening socket is bound by the main process and shared by the workers (each runs waitress
on it with `sockets=`), so a search is never queued behind another worker's page while a core is
free. Each worker opens its own store, web database and searcher after it has started; everything
the workers share lives on disk: sessions and CSRF tokens are signed with the data directory's key,
failed logins, the audit log and submissions are in web.sqlite, import progress is a file per job
(web.import_jobs), and each worker's searcher follows the live index by itself (search.live).

The main process only watches: Ctrl+C or SIGTERM stops every worker; a worker that dies is reported
and started again (unless it died right after starting, when the server stops and says so).
"""

import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path

WINDOWS = sys.platform == "win32"
RESTART_GRACE = 2.0        # a worker dying sooner than this after its start is not restarted
STOP_TIMEOUT = 10.0        # seconds each worker gets to finish its requests when stopping
PARENT_CHECK = 1.0         # seconds between a worker's checks that the main process still runs


def default_workers() -> int:
    """Worker processes when --workers is not given: one per CPU on POSIX; one on Windows."""
    return 1 if WINDOWS else max(1, os.cpu_count() or 1)


def listening_socket(host: str, port: int) -> socket.socket:
    """The server socket every worker accepts connections on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.set_inheritable(True)
    return sock


def serve(data: Path, sock: socket.socket, threads: int, workers: int, echo=print) -> int:
    """Serve the app over `data` on `sock` until stopped; return the exit status (0 = stopped by
    Ctrl+C or SIGTERM, 1 = a worker could not start)."""
    if workers <= 1:
        _run_worker(data, sock, threads, None)
        echo("服务已停止。")
        return 0
    context = multiprocessing.get_context("spawn" if WINDOWS else "fork")
    running: dict = {}
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        for _ in range(workers):
            _start(context, running, data, sock, threads)
        echo(f"已启动 {workers} 个工作进程（每个 {threads} 个线程）。")
        while not stop.is_set():
            for sentinel in wait(list(running), timeout=0.5):
                process, started = running.pop(sentinel)
                process.join()
                if stop.is_set():
                    break
                echo(f"工作进程 {process.pid} 意外退出（退出码 {process.exitcode}）。")
                if time.monotonic() - started < RESTART_GRACE:
                    echo("工作进程启动后随即退出，服务已停止；请查看上面的错误信息。")
                    return 1
                _start(context, running, data, sock, threads)
                echo("已重新启动一个工作进程。")
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop_all([process for process, _ in running.values()])
    echo("服务已停止。")
    return 0


def _start(context, running: dict, data: Path, sock: socket.socket, threads: int) -> None:
    process = context.Process(target=_run_worker, args=(data, sock, threads, os.getpid()), daemon=True,
                              name="fazhi-web-worker")
    process.start()
    running[process.sentinel] = (process, time.monotonic())


def _stop_all(processes: list) -> None:
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT
    for process in processes:
        process.join(max(0.1, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()


def _run_worker(data: Path, sock: socket.socket, threads: int, parent: int | None) -> None:
    """One worker: the app over `data`, opened in this process, served by waitress on `sock`."""
    import waitress

    from web.app import create_app

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))       # waitress closes on SystemExit
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)           # the main process stops the workers
        if not WINDOWS:
            threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    waitress.serve(create_app(data), sockets=[sock], threads=threads, ident="fazhi")


def _exit_with_parent(parent: int) -> None:
    """A worker whose main process was killed (kill -9) stops too instead of serving on alone."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os.kill(os.getpid(), signal.SIGTERM)
