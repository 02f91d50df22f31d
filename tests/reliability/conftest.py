"""Fixtures of the reliability tests: the bad-input corpus (written once per session) and a
loopback TCP listener that records every connection made to it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from reliability_corpus import SECRET_MARKER, Corpus, Listener, write_corpus


@pytest.fixture(scope="session")
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    found = Listener(server.getsockname()[1])
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, peer = server.accept()
            except (TimeoutError, OSError):
                continue
            found.connections.append(peer)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield found
    stop.set()
    thread.join(timeout=5)
    server.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, listener: Listener) -> Corpus:
    root = tmp_path_factory.mktemp("bad-inputs")
    secret = root / "secret.txt"
    secret.write_text(f"{SECRET_MARKER}\n", encoding="utf-8")
    folder = root / "corpus"
    return Corpus(folder, secret, write_corpus(folder, secret, listener.port))
