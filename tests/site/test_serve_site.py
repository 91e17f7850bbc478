"""The static server the browser tests and `make serve` use (tools/serve_site.py)."""

from __future__ import annotations

import socket
import struct
import time
import urllib.request
from pathlib import Path

import pytest


def test_a_client_leaving_mid_download_is_not_reported(
    repo_module, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A browser that closes a page while a file downloads (as the tests' pages do) leaves no
    traceback in the output, and the server goes on serving."""
    (tmp_path / "big.bin").write_bytes(b"x" * 50_000_000)
    (tmp_path / "index.html").write_text("ok", encoding="utf-8")
    server, url = repo_module("tools/serve_site.py").serve_in_background(tmp_path)
    try:
        client = socket.create_connection(server.server_address[:2])
        client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        client.recv(1000)
        # Close with a reset, as a browser tab does, while the server is still sending.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        time.sleep(1)
        with urllib.request.urlopen(url + "index.html") as response:
            assert b"ok" == response.read()
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capsys.readouterr().err
