"""The HTTP POST of one webhook delivery: to checked addresses only, no redirect, no proxy.

    post(url, body, headers, timeout, allow_private=False)     # returns on 2xx, else raises

The connection resolves the URL's host once, refuses it when any of its addresses is not on the
public internet (`store.watches.targets`), and connects to those very addresses, so a DNS answer
that changes between the check and the connection cannot slip a private address in. TLS still
verifies the certificate against the host name. A redirect is a failure, not a new request (it
could point anywhere), and HTTP(S)_PROXY is not used: a proxy would make the request instead,
beyond the check.
"""

from __future__ import annotations

import functools
import http.client
import socket
import urllib.error
import urllib.request
from typing import Any

from newsgraph.errors import DeliveryFailed, InputError
from newsgraph.store.watches.targets import public_addresses


def _connect(
    address: tuple[str, int], timeout: Any, source_address: Any, *, allow_private: bool
) -> socket.socket:
    """Open a TCP connection to a checked address of the host (in place of `socket.create_connection`)."""
    host, port = address
    error: OSError | None = None
    for family, kind, proto, sockaddr in public_addresses(host, port, allow_private=allow_private):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        return sock
    assert error is not None  # public_addresses returns at least one address or raises
    raise error


class _CheckedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the checked addresses of its host (`_connect`)."""

    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_connect, allow_private=allow_private)


class _CheckedHTTPS(http.client.HTTPSConnection):
    """The same over TLS, the certificate verified against the host's name."""

    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_connect, allow_private=allow_private)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect answers the POST with a 3xx: a failure, not a new request


@functools.cache
def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    plain = functools.partial(_CheckedHTTP, allow_private=allow_private)
    secure = functools.partial(_CheckedHTTPS, allow_private=allow_private)

    class Plain(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(plain, req)

    class Secure(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(secure, req)

    return urllib.request.build_opener(urllib.request.ProxyHandler({}), Plain, Secure, _NoRedirect)


def post(
    url: str, body: bytes, headers: dict[str, str], timeout: float, *, allow_private: bool = False
) -> None:
    """POST the body; return on a 2xx answer.

    Raises:
        DeliveryFailed: a refused or unresolvable host, any answer but 2xx, a timeout or a network error.
    """
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener(allow_private).open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"HTTP {exc.code}") from exc
    except urllib.error.URLError as exc:
        raise DeliveryFailed(f"{type(exc.reason).__name__}: {exc.reason}") from exc
    except InputError as exc:  # the host is refused or does not resolve (`public_addresses`)
        raise DeliveryFailed(exc.message) from exc
    except (OSError, ValueError) as exc:
        raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
    if not 200 <= status < 300:
        raise DeliveryFailed(f"HTTP {status}")
