#!/usr/bin/env python3
"""The seed's embed proxy design, as the gateway benchmark's reference: Python's stdlib
http.server in front of Ollama, tuned the way such a proxy would be in production
(TCP_NODELAY on both sides, HTTP/1.1 keep-alive, one kept-alive upstream connection per
thread, one write per answer). It checks a bearer token in constant time, reads the
body, checks the JSON and the model, forwards the vetted fields and passes the reply
through. Loopback only: `python3 scripts/bench/python-proxy.py UPSTREAM_URL TOKENS_FILE`
prints `listening on http://127.0.0.1:PORT` and serves until SIGTERM."""
import hashlib
import hmac
import http.client
import json
import signal
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY_BYTES = 1_000_000  # the gateway's default, so both refuse the same bodies
ALLOWED_MODELS = {"bge-m3", "bge-m3:latest"}

upstream = urllib.parse.urlsplit(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    DIGESTS = [hashlib.sha256(line.strip().encode()).digest() for line in f if line.strip()]
local = threading.local()


def upstream_connection() -> http.client.HTTPConnection:
    """One kept-alive connection per handler thread, with Nagle off."""
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        local.conn = conn
    return conn


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # TCP_NODELAY on the client side

    def log_message(self, *args):  # the access log would dominate the figures
        pass

    def answer(self, status: int, body: bytes, content_type="application/json; charset=utf-8"):
        """Status line, headers and body in one write."""
        head = (
            f"HTTP/1.1 {status} {http.client.responses.get(status, '')}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
            "Cache-Control: no-store\r\n\r\n"
        ).encode("latin-1")
        self.wfile.write(head + body)

    def error(self, status: int, message: str):
        self.answer(status, json.dumps({"error": message}).encode())

    def do_POST(self):
        if self.path != "/api/embed":
            return self.error(404, "not found")
        auth = self.headers.get("Authorization", "")
        digest = hashlib.sha256(auth[7:].encode() if auth.startswith("Bearer ") else b"").digest()
        if not any([hmac.compare_digest(digest, d) for d in DIGESTS]):
            self.close_connection = True  # the body stays unread
            return self.error(401, "missing or invalid bearer token")
        length = int(self.headers.get("Content-Length", "0"))
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            return self.error(413, "request body too large")
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError:
            return self.error(400, "the body is not valid JSON")
        if not isinstance(request, dict) or request.get("model") not in ALLOWED_MODELS:
            return self.error(403, "model not allowed")
        body = json.dumps({"model": request["model"], "input": request.get("input")}).encode()
        try:
            conn = upstream_connection()
            conn.request("POST", "/api/embed", body, {"Content-Type": "application/json"})
            reply = conn.getresponse()
            data = reply.read()
        except (OSError, http.client.HTTPException):
            local.conn = None
            return self.error(502, "embedding server unavailable")
        self.answer(reply.status, data)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
