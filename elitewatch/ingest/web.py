"""Articles and feeds from the web, fetched so that a hostile page cannot reach inside the network.

Every connection (the first and each redirect) goes through a network backend that resolves the host
itself and refuses any address that is not globally routable: loopback, private, link-local (the cloud
metadata address 169.254.169.254 among them), shared, multicast and reserved ranges, in IPv4 and IPv6, unless
the user allows private addresses. What is resolved is what is connected to, so a name cannot pass the check
and then point elsewhere. Downloads stop at a size limit and a timeout, and say who is asking (User-Agent).

The timeout is a deadline for the whole fetch: connecting, the headers, the body and every redirect. Each read
and write on a connection waits at most for what is left of it, so a server sending a byte a second is cut
off at the deadline like one that sends nothing. (Name resolution is the system's and is not cut short.)
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import certifi
import httpcore
import httpx

from elitewatch import __version__
from elitewatch.errors import InputError

USER_AGENT = f"elitewatch/{__version__} (news reader; +https://github.com/elitewatch)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
FEED_ITEMS = 200  # the most articles one feed may bring in one run

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolves a host to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise InputError(f"cannot resolve the host ({error.strerror})", source=host) from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    """A globally routable address: not loopback, private, link-local (metadata), shared, multicast or reserved."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


@dataclass
class Fetcher:
    """How web inputs are fetched; `resolver` can be replaced (tests use a fake DNS)."""

    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    resolver: Resolver = system_resolver
    # Where a vetted address is reached: itself, except in tests, which send a fake public address to a
    # local server after the real checks have passed.
    route: Callable[[str], str] = field(default=lambda address: address, repr=False)
    transport: httpx.BaseTransport | None = field(default=None, repr=False)

    def client(self) -> httpx.Client:
        transport = self.transport or _guarded_transport(self)
        return httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(self.timeout),
            headers={
                "user-agent": USER_AGENT,
                "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            },
        )

    def get(self, url: str) -> tuple[str, str, bytes]:
        """(final URL, content type, body) of a GET, redirects followed and each checked, all of it within
        `timeout` seconds: refused "no answer within N s" when no server answered in time, else "took longer
        than N s"."""
        deadline = time.monotonic() + self.timeout
        token = _DEADLINE.set(deadline)
        try:
            return self._get(url, deadline)
        finally:
            _DEADLINE.reset(token)

    def _get(self, url: str, deadline: float) -> tuple[str, str, bytes]:
        answered = False  # a response has come (a redirect, the headers): past that, the fetch took too long
        with self.client() as client:
            for _ in range(MAX_REDIRECTS + 1):
                _check_url(url)
                try:
                    if time.monotonic() >= deadline:
                        raise httpx.TimeoutException("the deadline passed between redirects")
                    with client.stream("GET", url) as response:
                        answered = True
                        if response.is_redirect:
                            location = response.headers.get("location", "")
                            if not location:
                                raise InputError("a redirect without a location", source=url)
                            url = urljoin(url, location)
                            continue
                        if response.status_code >= 400:
                            raise InputError(f"the server answered {response.status_code}", source=url)
                        body = _read_limited(response, self.max_bytes, url, deadline)
                        return str(response.url), response.headers.get("content-type", ""), body
                except httpx.TimeoutException:
                    raise InputError(self._too_slow(answered), source=url) from None
                except httpx.HTTPError as error:
                    raise InputError(f"cannot fetch ({_reason(error)})", source=url) from None
        raise InputError(f"more than {MAX_REDIRECTS} redirects", source=url)

    def _too_slow(self, answered: bool) -> str:
        return f"took longer than {self.timeout:g} s" if answered else f"no answer within {self.timeout:g} s"


def _reason(error: httpx.HTTPError) -> str:
    cause = error.__cause__ or error.__context__
    if isinstance(cause, InputError):
        return cause.message
    return str(error) or error.__class__.__name__


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError("only http and https addresses are fetched", source=url)
    if not parts.hostname:
        raise InputError("no host in the address", source=url)


def _read_limited(response: httpx.Response, limit: int, url: str, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(f"larger than the limit of {limit} bytes", source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(f"larger than the limit of {limit} bytes", source=url)
        if time.monotonic() > deadline:  # also when a transport of its own (tests) is not held to the deadline
            raise httpx.ReadTimeout("the deadline passed while reading the body")
        chunks.append(chunk)
    return b"".join(chunks)


# The deadline of the fetch under way in this thread (or task), read by every connection it opens.
_DEADLINE: ContextVar[float | None] = ContextVar("elitewatch_fetch_deadline", default=None)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The time an operation may take: its own timeout, cut to what is left before the deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the deadline of the fetch has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the deadline of the fetch."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only to an address the policy allows."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.fetcher.resolver(host, port)
        if not addresses:
            raise InputError("the host resolves to no address", source=host)
        refused = [a for a in addresses if not is_public(a)]
        if refused and not self.fetcher.allow_private:
            raise InputError(
                f"refused: {host} resolves to a private, loopback or link-local address ({refused[0]}); "
                "--allow-private fetches it anyway",
                source=host,
            )
        timeout = _left(timeout, httpcore.ConnectTimeout)
        stream = super().connect_tcp(self.fetcher.route(addresses[0]), port, timeout, local_address, socket_options)
        return _DeadlineStream(stream)


def _guarded_transport(fetcher: Fetcher) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(retries=0)
    transport._pool = httpcore.ConnectionPool(  # the backend every connection, redirects included, goes through
        ssl_context=ssl.create_default_context(cafile=certifi.where()),
        network_backend=_GuardedBackend(fetcher),
    )
    return transport


# reading ----------------------------------------------------------------------------------------------


def url_id(url: str) -> str:
    """A document id for a web address: its last path part and a short hash of the whole address."""
    parts = urlsplit(url)
    stem = re.sub(r"[^\w-]+", "-", parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page").strip("-")
    return f"{stem[:60] or 'page'}-{hashlib.sha256(url.encode()).hexdigest()[:10]}"


@dataclass
class FeedItem:
    link: str
    title: str | None = None
    published: str | None = None


def parse_feed(body: bytes, source: str) -> list[FeedItem]:
    """The items of an RSS 2.0 or Atom feed: link, title, publication date."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise InputError(f"not an RSS or Atom feed ({error})", source=source) from None
    items: list[FeedItem] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "item":  # RSS
            link = _child_text(element, "link")
            published = _feed_date(_child_text(element, "pubDate") or _child_text(element, "date"))
        elif tag == "entry":  # Atom
            link = next(
                (
                    c.get("href")
                    for c in element
                    if c.tag.rsplit("}", 1)[-1] == "link" and c.get("rel", "alternate") == "alternate"
                ),
                None,
            )
            published = _feed_date(_child_text(element, "published") or _child_text(element, "updated"))
        else:
            continue
        if link:
            items.append(FeedItem(urljoin(source, link.strip()), _child_text(element, "title"), published))
    if not items and root.tag.rsplit("}", 1)[-1] not in ("rss", "feed", "RDF"):
        raise InputError("not an RSS or Atom feed", source=source)
    return items[:FEED_ITEMS]


def _child_text(element: ElementTree.Element, name: str) -> str | None:
    for child in element:
        if child.tag.rsplit("}", 1)[-1] == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None
