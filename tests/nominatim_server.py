"""A local stand-in for a Nominatim server on 127.0.0.1, answering its JSON search format.

Tests point the online geocoder at it (``http://127.0.0.1:PORT``) and count the requests it got;
nothing leaves the machine.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

#: What the server knows: query (case-folded) -> one Nominatim search result.
PLACES: dict[str, dict[str, Any]] = {
    "wadi zzyzx": {"place_id": 4242, "lat": "36.61234", "lon": "37.01234", "name": "Wadi Zzyzx",
                   "display_name": "Wadi Zzyzx, Azaz District, Aleppo Governorate, Syria",
                   "type": "valley", "address": {"country_code": "sy", "country": "Syria"}},
}


class NominatimStandIn:
    """The running server: ``url``, and the ``requests`` it answered (path, query, user agent)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                owner.requests.append({"path": parts.path, "query": query,
                                       "user_agent": self.headers.get("User-Agent", "")})
                found = PLACES.get(" ".join(query.get("q", "").casefold().split()))
                body = json.dumps([found] if found else []).encode("utf-8")
                self.send_response(200 if parts.path == "/search" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def nominatim() -> Iterator[NominatimStandIn]:
    server = NominatimStandIn()
    try:
        yield server
    finally:
        server.close()
