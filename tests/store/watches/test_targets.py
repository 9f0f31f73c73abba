"""Webhook targets off the public internet are refused (server-side request forgery): when a watch
is made, through the API, the web form and the CLI, and again at delivery, where a host whose DNS
answer changed to a private address is refused; NEWSGRAPH_WATCH_PRIVATE_TARGETS allows them."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.alerts.transport import post
from newsgraph.alerts.webhooks import deliver_due, run_worker
from newsgraph.app import create_app
from newsgraph.errors import DeliveryFailed, InputError, UnsafeTarget
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.watches.manage import create_watch, get_watch
from newsgraph.store.watches.spec import QuoteWatch, WatchIn
from newsgraph.store.watches.targets import check_target, refusal
from newsgraph.store.writer import store_analyses
from tests.support.watches import AKHUNDZADA, first, receiver, talks

REFUSED = {
    "127.0.0.1": "loopback",
    "127.8.9.10": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "192.168.1.20": "private",
    "169.254.169.254": "link-local",  # a cloud's metadata service
    "224.0.0.251": "multicast",
    "239.255.255.250": "multicast",
    "0.0.0.0": "unspecified",
    "100.64.0.1": "not globally routable",  # carrier-grade NAT
    "::1": "loopback",
    "fe80::1": "link-local",
    "fd12:3456::1": "private",
    "ff02::1": "multicast",
    "::ffff:10.0.0.1": "private",  # IPv4-mapped
    "::ffff:127.0.0.1": "loopback",
    "2002:a00:1::": "private",  # 6to4 around 10.0.0.1
}
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"]


@pytest.mark.parametrize(("address", "reason"), sorted(REFUSED.items()))
def test_watches_targets_refuse_addresses_off_the_public_internet(address: str, reason: str) -> None:
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", PUBLIC)
def test_watches_targets_allow_public_addresses(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/in",
        "https://[::1]/in",
        "http://localhost:8080/hook",
        "http://2130706433/",  # 127.0.0.1 written as one number
        "http://0x7f000001/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:192.168.0.1]/",
    ],
)
def test_watches_targets_refuse_urls_that_reach_this_machine_or_its_network(url: str) -> None:
    with pytest.raises(UnsafeTarget, match="NEWSGRAPH_WATCH_PRIVATE_TARGETS"):
        check_target(url, allow_private=False)
    check_target(url, allow_private=True)


Resolver = Callable[..., list[tuple[Any, ...]]]


def _dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> None:
    """Answer `getaddrinfo` for these names with these addresses (other names as before)."""
    real: Resolver = socket.getaddrinfo

    def fake(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if host not in answers:
            return real(host, port, *args, **kwargs)
        if not answers[host]:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        out = []
        for address in answers[host]:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            where = (address, port, 0, 0) if family == socket.AF_INET6 else (address, port)
            out.append((family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", where))
        return out

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_watches_targets_every_address_of_a_name_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    _dns(
        monkeypatch,
        {
            "hooks.example.org": ["93.184.216.34"],
            "mixed.example.org": ["93.184.216.34", "10.0.0.7"],
            "gone.example.org": [],
        },
    )
    check_target("https://hooks.example.org/in", allow_private=False)
    with pytest.raises(UnsafeTarget, match=r"resolves to 10\.0\.0\.7, a private address"):
        check_target("https://mixed.example.org/in", allow_private=False)
    with pytest.raises(InputError, match="does not resolve") as caught:
        check_target("https://gone.example.org/in", allow_private=False)
    assert not isinstance(caught.value, UnsafeTarget)


def _client(settings: Settings, tmp_path: Path, *, private: bool) -> TestClient:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    changes = {"api_token": "t0ken", "api_rate": 0, "api_cache_mb": 0, "watch_private_targets": private}
    return TestClient(create_app(settings.model_copy(update=changes), engine=engine))


def test_watches_targets_api_and_form_refuse_private_webhooks(tmp_path: Path, settings: Settings) -> None:
    query = {"kind": "quote", "speaker": AKHUNDZADA}
    with _client(settings, tmp_path, private=False) as client:
        for url in (
            "http://127.0.0.1:9/in",
            "http://169.254.169.254/",
            "http://[fe80::1]/",
            "http://10.0.0.2/",
        ):
            made = client.post(
                "/api/watches",
                json={"query": query, "webhook": url},
                headers={"Authorization": "Bearer t0ken"},
            )
            assert made.status_code == 400 and "NEWSGRAPH_WATCH_PRIVATE_TARGETS" in made.json()["error"]
        form = {
            "kind": "quote",
            "entity": str(AKHUNDZADA),
            "webhook": "http://localhost/hook",
            "token": "t0ken",
        }
        page = client.post("/watches", data=form)
        assert page.status_code == 400 and "loopback address" in page.text
        assert client.get("/api/watches", headers={"Authorization": "Bearer t0ken"}).json()["items"] == []
    (tmp_path / "allowed").mkdir()
    with _client(settings, tmp_path / "allowed", private=True) as client:
        made = client.post(
            "/api/watches",
            json={"query": query, "webhook": "http://127.0.0.1:9/in"},
            headers={"Authorization": "Bearer t0ken"},
        )
        assert made.status_code == 201


def test_watches_targets_checked_again_at_delivery(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name resolved to a public address when the watch was made; its DNS answer is now this
    machine: the delivery is refused, counted as a failure, and nothing reaches the endpoint. With
    private targets allowed it is sent, to the address the check resolved."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    quick = {"watch_backoff": 0.01, "watch_backoff_max": 0.01, "watch_timeout": 5.0}
    with receiver() as endpoint:
        port = endpoint.url.split(":")[2].split("/")[0]
        hook = f"http://hooks.example.org:{port}/hook"
        _dns(monkeypatch, {"hooks.example.org": ["93.184.216.34"]})
        watch = create_watch(engine, WatchIn(query=QuoteWatch(speaker=AKHUNDZADA), webhook=hook))[0]
        store_analyses(engine, [talks()])
        _dns(monkeypatch, {"hooks.example.org": ["127.0.0.1"]})
        report = deliver_due(engine, settings.model_copy(update=quick))  # one round
        assert (report.sent, report.failed) == (0, 1) and endpoint.requests == []
        with engine.connect() as conn:
            state = get_watch(conn, watch.id).webhook
        assert state is not None and state.pending == 1
        assert state.last_error is not None and "127.0.0.1, a loopback address" in state.last_error
        allowed = settings.model_copy(update={**quick, "watch_private_targets": True})
        time.sleep(0.05)  # past the retry's backoff
        assert run_worker(engine, allowed, once=True).sent == 1
    assert len(endpoint.requests) == 1 and endpoint.requests[0][0]["host"] == f"hooks.example.org:{port}"
    engine.dispose()


@pytest.mark.parametrize(
    "url", ["https://127.0.0.1:9/hook", "http://[::1]:9/hook", "https://localhost:9/hook"]
)
def test_watches_targets_transport_refuses_before_connecting(url: str) -> None:
    with pytest.raises(DeliveryFailed, match="loopback address"):
        post(url, b"{}", {"Content-Type": "application/json"}, 5.0)
    with pytest.raises(DeliveryFailed) as caught:  # allowed, it connects: nothing listens on port 9
        post(url, b"{}", {"Content-Type": "application/json"}, 5.0, allow_private=True)
    assert "loopback" not in caught.value.message
