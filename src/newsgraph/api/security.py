"""Security middleware: response headers, request size limit, rate limit, token check.

Scraped text is hostile: pages escape everything they show (Jinja2 autoescape), and the
Content-Security-Policy below forbids inline scripts and anything loaded from elsewhere, so an
escaped-but-missed payload still cannot run.
"""

from __future__ import annotations

import hmac
import threading
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api.errors import error_body

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """Add the security headers to every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)


class BodyLimit:
    """Reject request bodies over `max_bytes` with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _reject(send, 413, f"request body over the limit of {self.max_bytes:,} bytes")
            return
        seen = 0
        too_big = False

        async def limited_receive() -> Message:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    too_big = True
                    raise _BodyTooLarge
            return message

        started = False

        async def guarded_send(message: Message) -> None:
            # FastAPI turns an error raised while it reads the body into its own 400: once the
            # body is over the limit, the app's response is replaced by the 413
            nonlocal started
            if message["type"] == "http.response.start":
                if started:
                    return
                started = True
                if too_big:
                    await _reject(send, 413, f"request body over the limit of {self.max_bytes:,} bytes")
                    return
            elif too_big:
                return
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await _reject(send, 413, f"request body over the limit of {self.max_bytes:,} bytes")


class _BodyTooLarge(Exception):
    pass


async def _reject(
    send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    import orjson

    body = orjson.dumps(error_body(status, message))
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    head += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": head + (headers or [])})
    await send({"type": "http.response.body", "body": body})


class RateLimit:
    """Token bucket per client address: `rate` requests per second, bursts of `burst`."""

    def __init__(self, app: ASGIApp, rate: float, burst: int) -> None:
        self.app = app
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float:
        """Take a token for `client`; return 0 when allowed, else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                if len(self._buckets) > 100_000:  # forget idle clients
                    self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.allow(str(client))
        if wait > 0:
            retry = str(max(1, int(wait + 0.999)))
            await _reject(send, 429, "too many requests", [(b"retry-after", retry.encode())])
            return
        await self.app(scope, receive, send)


def token_matches(given: str | None, expected: str | None) -> bool:
    """Compare a bearer token with the configured one in constant time."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
