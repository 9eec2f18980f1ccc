"""Articles and feeds from the web, fetched so that a hostile page cannot reach inside the network.

Every connection (the first and each redirect) goes through a network backend that resolves the host
itself and refuses any address that is not globally routable: loopback, private, link-local (the cloud
metadata address 169.254.169.254 among them), shared, multicast and reserved ranges, in IPv4 and IPv6, unless
the user allows private addresses. What is resolved is what is connected to, so a name cannot pass the check
and then point elsewhere. Downloads stop at a size limit and a timeout, and say who is asking (User-Agent).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

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
        """(final URL, content type, body) of a GET, redirects followed and each checked."""
        with self.client() as client:
            for _ in range(MAX_REDIRECTS + 1):
                _check_url(url)
                try:
                    with client.stream("GET", url) as response:
                        if response.is_redirect:
                            location = response.headers.get("location", "")
                            if not location:
                                raise InputError("a redirect without a location", source=url)
                            url = urljoin(url, location)
                            continue
                        if response.status_code >= 400:
                            raise InputError(f"the server answered {response.status_code}", source=url)
                        body = _read_limited(response, self.max_bytes, url)
                        return str(response.url), response.headers.get("content-type", ""), body
                except httpx.TimeoutException:
                    raise InputError(f"no answer within {self.timeout:g} s", source=url) from None
                except httpx.HTTPError as error:
                    raise InputError(f"cannot fetch ({_reason(error)})", source=url) from None
        raise InputError(f"more than {MAX_REDIRECTS} redirects", source=url)


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


def _read_limited(response: httpx.Response, limit: int, url: str) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(f"larger than the limit of {limit} bytes", source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(f"larger than the limit of {limit} bytes", source=url)
        chunks.append(chunk)
    return b"".join(chunks)


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
        return super().connect_tcp(self.fetcher.route(addresses[0]), port, timeout, local_address, socket_options)


def _guarded_transport(fetcher: Fetcher) -> httpx.HTTPTransport:
    import certifi

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
