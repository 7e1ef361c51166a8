#!/usr/bin/python3
"""A local stand-in for www.sec.gov, for the fetch tests. Python 3 standard library only.

Usage: /usr/bin/python3 tests/support/edgar_fixture_server.py ROOT_DIR [PORT]

Serves the files under ROOT_DIR on 127.0.0.1:PORT (0 or absent: any free port) and prints the
port alone on the first line of stdout. Exits when stdin closes or on GET /__shutdown.
It never contacts anything else.

Control paths (not logged, never faulted):
  /__fault/next?kind=K&count=N[&retry_after=S][&hang=S]
      The next N requests for files get fault K instead of the normal answer:
        429, 500, 503, 403  that status with a short body (429 with Retry-After: S if given)
        truncate            Content-Length of the whole file, half the body, then close
        slow                headers and half the body, then hang S seconds (default 30) or
                            until shutdown, then close
        redirect            302 Found with Location: the same path (a relative URL) and an
                            empty body; N queued redirects make an N-hop chain
        offsite             302 Found with Location: ftp://127.0.0.1/<path> (not HTTP)
        close               200 without Content-Length (Connection: close), half the body,
                            then close: only the body's own end shows it was cut off
      Faults queue in order of arrival.
  /__fault/clear            drops queued faults
  /__validators?etag=0|1&last_modified=0|1
                            which validators files carry (both by default); a server without
                            one neither sends it nor honours the matching conditional header
  /__log                    the request log: one JSON object per line
                            {"t": seconds (time.monotonic), "path": ..., "status": ...,
                             "fault": kind or "", "user_agent": ..., "gzip": bool,
                             "client_port": the client's TCP port (one per connection),
                             "if_none_match": ..., "if_modified_since": ... (the request's
                             headers, "" when absent)}
  /__log/clear              empties the log
  /__shutdown               stops the server

A client that sends Accept-Encoding: gzip gets the file gzip-compressed (Content-Encoding: gzip).

Files carry an ETag (a hash of the file's bytes, quoted) and a Last-Modified (its mtime). A GET
with If-None-Match naming the current ETag (or "*"), or else with If-Modified-Since not before
the mtime (whole seconds), is answered 304 Not Modified with no body (logged as status 304).

The same server stands in for data.sec.gov: a test writes a company's submissions JSON to
ROOT/<prefix>/submissions/CIK##########.json (and its older pages beside it) and passes
<base>/<prefix> as the data base URL. Files are served with a Content-Type by extension
(.json application/json, .htm/.html text/html, .txt/.idx text/plain, .xml application/xml).
"""

import email.utils
import gzip
import hashlib
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.parse

ROOT = None
LOCK = threading.Lock()
FAULTS = []  # list of dicts
LOG = []
VALIDATORS = {"etag": True, "last_modified": True}
STOP = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep stderr quiet
        pass

    def _send(self, status, body, ctype="text/plain", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _control(self, url):
        q = urllib.parse.parse_qs(url.query)
        if url.path == "/__fault/next":
            kind = q.get("kind", [""])[0]
            count = int(q.get("count", ["1"])[0])
            fault = {"kind": kind, "retry_after": q.get("retry_after", [None])[0],
                     "hang": float(q.get("hang", ["30"])[0])}
            with LOCK:
                FAULTS.extend(dict(fault) for _ in range(count))
            self._send(200, b"ok\n")
        elif url.path == "/__fault/clear":
            with LOCK:
                FAULTS.clear()
            self._send(200, b"ok\n")
        elif url.path == "/__validators":
            with LOCK:
                for key in VALIDATORS:
                    VALIDATORS[key] = q.get(key, ["1"])[0] != "0"
            self._send(200, b"ok\n")
        elif url.path == "/__log":
            with LOCK:
                body = "".join(json.dumps(e) + "\n" for e in LOG).encode()
            self._send(200, body, "application/x-ndjson")
        elif url.path == "/__log/clear":
            with LOCK:
                LOG.clear()
            self._send(200, b"ok\n")
        elif url.path == "/__shutdown":
            self._send(200, b"bye\n")
            STOP.set()
        else:
            self._send(404, b"unknown control path\n")

    def do_GET(self):
        now = time.monotonic()
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/__"):
            self._control(url)
            return
        with LOCK:
            fault = FAULTS.pop(0) if FAULTS else None
        entry = {"t": now, "path": url.path, "status": 0, "fault": fault["kind"] if fault else "",
                 "user_agent": self.headers.get("User-Agent", ""), "gzip": False,
                 "client_port": self.client_address[1],
                 "if_none_match": self.headers.get("If-None-Match", ""),
                 "if_modified_since": self.headers.get("If-Modified-Since", "")}
        # Logged before answering, so a client that got its answer finds the request logged;
        # _serve sets the status before it sends anything.
        with LOCK:
            LOG.append(entry)
        self._serve(url, fault, entry)

    def _serve(self, url, fault, entry):
        kind = fault["kind"] if fault else ""
        if kind in ("429", "500", "502", "503", "403"):
            entry["status"] = int(kind)
            extra = {}
            if kind == "429" and fault.get("retry_after"):
                extra["Retry-After"] = fault["retry_after"]
            self._send(int(kind), ("fault %s\n" % kind).encode(), extra=extra)
            return
        if kind in ("redirect", "offsite"):
            entry["status"] = 302
            location = url.path if kind == "redirect" else "ftp://127.0.0.1" + url.path
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        rel = urllib.parse.unquote(url.path).lstrip("/")
        path = os.path.realpath(os.path.join(ROOT, rel))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            entry["status"] = 404
            self._send(404, b"not found\n")
            return
        with open(path, "rb") as f:
            body = f.read()
        extra = validators(path, body)
        if not_modified(self.headers, extra, os.stat(path).st_mtime):
            entry["status"] = 304
            self.send_response(304)
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            return
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            extra["Content-Encoding"] = "gzip"
            entry["gzip"] = True
        entry["status"] = 200
        if kind == "close":
            self.send_response(200)
            self.send_header("Connection", "close")
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if kind in ("truncate", "slow"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            if kind == "slow":
                STOP.wait(fault["hang"])
            self.close_connection = True
            return
        self._send(200, body, content_type(path), extra)


def validators(path, body):
    """The ETag and Last-Modified headers of a file, as VALIDATORS allows."""
    out = {}
    with LOCK:
        etag, last_modified = VALIDATORS["etag"], VALIDATORS["last_modified"]
    if etag:
        out["ETag"] = '"%s"' % hashlib.sha1(body).hexdigest()
    if last_modified:
        out["Last-Modified"] = email.utils.formatdate(os.stat(path).st_mtime, usegmt=True)
    return out


def not_modified(headers, validators, mtime):
    """RFC 9110 13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        if "ETag" not in validators:
            return False
        tags = [t.strip() for t in if_none_match.split(",")]
        tags = [t[2:] if t.startswith("W/") else t for t in tags]
        return "*" in tags or validators["ETag"] in tags
    if_modified_since = headers.get("If-Modified-Since")
    if if_modified_since is None or "Last-Modified" not in validators:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError):
        return False
    return int(mtime) <= since


CONTENT_TYPES = {".json": "application/json", ".htm": "text/html", ".html": "text/html",
                 ".txt": "text/plain", ".idx": "text/plain", ".xml": "application/xml"}


def content_type(path):
    return CONTENT_TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The default backlog (5) drops some of 8+ simultaneous connects; their SYN retries then
    # arrive a second later and bunch up in the request log.
    request_queue_size = 128


def main():
    global ROOT
    if len(sys.argv) < 2:
        print("usage: edgar_fixture_server.py ROOT_DIR [PORT]", file=sys.stderr)
        return 2
    ROOT = os.path.realpath(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = Server(("127.0.0.1", port), Handler)
    print(server.server_address[1], flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except OSError:
            pass
        STOP.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    STOP.wait()
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
