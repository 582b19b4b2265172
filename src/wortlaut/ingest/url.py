"""http(s) downloads through httpx, bounded in time, size and redirects, and
refused for private, loopback and link-local targets unless allowed.

Each hop's host is resolved and checked, and the connection goes to the checked
address (with the name kept for the Host header and TLS), so a DNS answer that
changes between check and connect cannot redirect a request inward.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from .. import __version__
from .errors import IngestError
from .html import MAX_BYTES

TIMEOUT = httpx.Timeout(15.0, connect=5.0)  # per connect / read
DEADLINE_SECONDS = 60.0  # the whole download, against servers that drip bytes
MAX_REDIRECTS = 5
USER_AGENT = f"wortlaut/{__version__} (quotation extraction from news articles; python-httpx)"


@dataclass
class Download:
    url: str  # after redirects
    data: bytes
    content_type: str


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def fetch(url: str, allow_private: bool = False) -> Download:
    """GET ``url``; raises ``IngestError`` with a one-line reason."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    # trust_env=False: no proxy from the environment may carry the request elsewhere.
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                target = httpx.URL(url)
            except (httpx.InvalidURL, ValueError) as exc:
                raise IngestError(f"invalid URL ({exc})") from None
            if target.scheme not in ("http", "https") or not target.host:
                raise IngestError(f"not an http(s) URL: {url}")
            address = checked_address(target.host, target.port or (443 if target.scheme == "https" else 80), allow_private)
            try:
                with client.stream(
                    "GET", target.copy_with(host=address),
                    headers={"Host": target.netloc.decode("ascii")},
                    extensions={"sni_hostname": target.host},
                ) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code != 200:
                        raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                    return Download(url, _body(response, deadline), response.headers.get("content-type", ""))
            except httpx.TimeoutException:
                raise IngestError(f"timed out ({target.host})") from None
            except httpx.HTTPError as exc:
                raise IngestError(f"download failed ({type(exc).__name__}: {exc})") from None
    raise IngestError(f"too many redirects (more than {MAX_REDIRECTS})")


def checked_address(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to for ``host``; raises ``IngestError`` if any of
    its addresses is internal and ``allow_private`` is not set."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"cannot resolve {host} ({exc})") from None
    addresses = [str(info[4][0]).split("%")[0] for info in infos]
    if not allow_private:
        for address in addresses:
            kind = internal_kind(ipaddress.ip_address(address))
            if kind:
                raise IngestError(f"refused: {host} is a {kind} address ({address}); --allow-private permits it")
    return addresses[0]


def internal_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """"loopback", "private", … for addresses that are not the public internet, else ""."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    # whatever else is not routable on the internet: carrier-grade NAT (100.64.0.0/10) and the like
    return "" if ip.is_global else "non-global"


def _body(response: httpx.Response, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise IngestError(f"too large ({int(declared):,} bytes; limit {MAX_BYTES:,})")
    body = bytearray()
    for chunk in response.iter_bytes():  # decoded, so a compressed bomb meets the cap too
        body += chunk
        if len(body) > MAX_BYTES:
            raise IngestError(f"too large (over {MAX_BYTES:,} bytes)")
        if time.monotonic() > deadline:
            raise IngestError(f"download took longer than {DEADLINE_SECONDS:.0f} s")
    return bytes(body)
