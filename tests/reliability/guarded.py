"""Run the dateline CLI under an audit hook that reports, on stderr, every attempt to reach
the network and every opening of one given file.

    python guarded.py SECRET_FILE code --workers 1 news/

Each report is a line starting with ``GUARD:``. Python's audit events cover code that goes
through Python (sockets, ``open``); the tests pair this with a loopback listener, and strace
when it is installed, for what C libraries might do.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

NETWORK_EVENTS = frozenset(
    {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"}
)


def main() -> None:
    secret = os.path.realpath(sys.argv[1])
    name = os.path.basename(secret)

    def report(what: str) -> None:
        os.write(2, f"GUARD: {what}\n".encode("utf-8", "replace"))

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in NETWORK_EVENTS:
            report(f"{event} {args[:2]!r}")
        elif event in ("socket.connect", "socket.sendto"):
            sock = args[0]
            if getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6):
                report(f"{event} {args[1]!r}")
        elif event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
            path = os.fsdecode(args[0])
            if path.endswith(name) and os.path.realpath(path) == secret:
                report(f"opened {path}")

    sys.addaudithook(hook)
    sys.argv = ["dateline", *sys.argv[2:]]
    from dateline.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
