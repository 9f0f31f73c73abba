"""Webhook targets: a watch posts only to addresses on the public internet, unless told otherwise.

    check_target("https://hooks.example.org/in", allow_private=False)   # raises UnsafeTarget
    for family, kind, proto, sockaddr in public_addresses(host, port, allow_private=False): ...

A webhook is a request the server makes for whoever created the watch. Pointed at 127.0.0.1,
10.0.0.0/8, a router's admin page, 169.254.169.254 (a cloud's metadata service) or a multicast
group, it would reach what only the server can reach (server-side request forgery). So a URL
whose host is, or resolves to, any address that is not globally routable — private, loopback,
link-local, multicast, reserved, unspecified, shared (carrier-grade NAT) — is refused when the
watch is made, and again at every delivery, since a DNS answer can change in between
(`alerts.webhooks` connects to the very addresses it checked, never resolving the name twice).
An IPv4 address inside an IPv6 one (`::ffff:10.0.0.1`, 6to4) is judged as IPv4.
`NEWSGRAPH_WATCH_PRIVATE_TARGETS=1` (`Settings.watch_private_targets`) allows every address: an
endpoint on the newsroom's own network, the tests' local receiver.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from newsgraph.errors import InputError, UnsafeTarget

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
AddrInfo = tuple[socket.AddressFamily, socket.SocketKind, int, Any]
"""What a connection needs of one `getaddrinfo` answer: family, socket type, protocol, address."""


def refusal(address: Address) -> str | None:
    """Return why a webhook may not reach this address ("loopback", "private" …), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return refusal(inner)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("not globally routable", not address.is_global),
    )
    return next((reason for reason, hit in checks if hit), None)


def public_addresses(host: str, port: int, *, allow_private: bool) -> list[AddrInfo]:
    """Resolve a host; return its addresses when every one may be reached.

    Raises:
        UnsafeTarget: one of its addresses is refused (`refusal`) and private targets are not allowed.
        InputError: the host does not resolve.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(f"webhook host {host!r} does not resolve ({exc})") from None
    if not found:
        raise InputError(f"webhook host {host!r} does not resolve")
    out: list[AddrInfo] = []
    for family, kind, proto, _, sockaddr in found:
        if not allow_private:
            address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
            reason = refusal(address)
            if reason is not None:
                raise UnsafeTarget(
                    f"webhook host {host!r} resolves to {address}, a {reason} address "
                    "(set NEWSGRAPH_WATCH_PRIVATE_TARGETS=1 to allow it)"
                )
        out.append((family, kind, proto, sockaddr))
    return out


def check_target(url: str, *, allow_private: bool) -> None:
    """Check a webhook URL before a watch is stored with it (see the module docstring).

    Raises:
        UnsafeTarget: its host is or resolves to a refused address.
        InputError: not an http(s) URL with a host, or a host that does not resolve.
    """
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise InputError(f"webhook URL {url!r}: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"webhook URL {url!r}: an http or https URL with a host is needed")
    if not allow_private:
        public_addresses(parts.hostname, port, allow_private=False)
