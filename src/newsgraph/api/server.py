"""What `newsgraph serve --workers N` needs from uvicorn beyond its defaults."""

from __future__ import annotations

import socket

import uvicorn


class TcpConfig(uvicorn.Config):
    """A uvicorn Config whose listening socket is marked as TCP, so responses leave without delay.

    With several workers uvicorn binds the socket itself as `socket.socket(family)`, whose `proto`
    is 0. asyncio switches Nagle's algorithm off (TCP_NODELAY) only on sockets whose `proto` is
    IPPROTO_TCP, and accepted connections inherit the listening socket's, so every response
    written in two parts (headers, then body) waited for the client's delayed ACK: a flat 40 ms
    per request. Marking the socket restores TCP_NODELAY. (A module-level class: the workers are
    spawned, and the config is pickled to them.)
    """

    def bind_socket(self) -> socket.socket:
        """Bind as uvicorn does, then mark an IPv4/IPv6 socket as TCP."""
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
            return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        return sock
