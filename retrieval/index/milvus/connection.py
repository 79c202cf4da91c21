"""One connection to Milvus, whose every failure becomes ``IndexUnavailable``: a message naming the URI,
never the token nor credentials written into the URI, and one the bot can show ("try again in a minute") while
the server is away."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

from ...errors import IndexUnavailable
from . import scrub
from .traffic import Traffic, watch

log = logging.getLogger("quoth.index")

# gRPC codes and Milvus messages that mean the token was refused, not that the server is away.
_UNREACHABLE = re.compile(r"UNAVAILABLE|DEADLINE_EXCEEDED|connect|timeout|timed out|refused|unreachable|"
                          r"server not ready", re.IGNORECASE)
_RELEASED = re.compile(r"released|not loaded|call load\(\)", re.IGNORECASE)
_REFUSED = re.compile(r"UNAUTHENTICATED|PERMISSION_DENIED|auth|credential|password|token|privilege",
                      re.IGNORECASE)


class _NoMvccWarning(logging.Filter):
    """pymilvus warns on every query iterator that Milvus Lite has no MVCC timestamp to give it; the client's
    own clock serves instead, which is right for a build that reads what it wrote. Said once per scan, it
    would bury the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "mvccTs" not in record.getMessage()


_NO_MVCC = _NoMvccWarning()
# pymilvus pings every 10 s even with no call in flight; a server that enforces gRPC's default ping policy (Milvus
# Lite's does) answers an idle client with GOAWAY "too_many_pings", and pymilvus's connection recovery then
# failed for every client of that address. Pinging only during calls keeps a busy connection checked, and a
# connection found dead is replaced by a fresh client anyway (see ``call_on``). That policy also allows one ping
# per 5 minutes while a call sends no data: at a minute, a call that ran past 3 minutes (a 1M-passage load or
# flush) was cut off with the same GOAWAY.
GRPC_OPTIONS = {"grpc.keepalive_time_ms": 300_000, "grpc.keepalive_permit_without_calls": False}
# pymilvus gives these loggers stderr handlers of its own (past the application's logging set-up) and logs every
# failed call, retry and connection recovery with its traceback: hundreds of lines for one lost server, and more
# for a question that succeeds once a released collection is loaded again. Quoth says each failure in one line
# (IndexUnavailable), so their records go through the application's logging instead, and only at debug level
# (`quoth -v`), where they help.
CLIENT_LOGGERS = ("pymilvus", "pymilvus.milvus_client", "pymilvus.bulk_writer", "grpc")


def quiet_client_logs() -> None:
    """pymilvus's and gRPC's loggers without handlers of their own, shown only when Quoth's log is at debug."""
    level = logging.DEBUG if log.isEnabledFor(logging.DEBUG) else logging.CRITICAL
    for name in CLIENT_LOGGERS:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if not isinstance(handler, logging.NullHandler):
                logger.removeHandler(handler)
        logger.propagate = True
        logger.setLevel(level)


def _client_class():
    try:
        from pymilvus import MilvusClient

        for name in ("pymilvus.client.iterator.query_iterator", "pymilvus.orm.iterator"):
            logging.getLogger(name).addFilter(_NO_MVCC)
        quiet_client_logs()
    except ImportError as exc:
        raise IndexUnavailable("index.backend = \"milvus\" needs the Milvus client: pip install 'quoth[milvus]'") \
            from exc
    return MilvusClient


_SECRET_PARAMS = {"token", "password", "user", "username", "api_key", "apikey", "secret"}


def public_uri(uri: str) -> str:
    """``uri`` as it may be printed: ``user:password@`` becomes ``***@`` and secret query parameters
    (``?token=…``) ``***``. Every message and log line names a Milvus by this alone. A Milvus Lite file path
    is not a URL and is returned as it is. (urllib's parser, not a pattern: it knows where userinfo ends.)"""
    try:
        parts = urllib.parse.urlsplit(uri)
    except ValueError:  # an unparseable URI is refused by pymilvus; shown, it must still not leak a password
        return re.sub(r"//[^/@]*@", "//***@", uri)
    if not parts.scheme or not parts.netloc:
        return uri
    netloc = parts.netloc if "@" not in parts.netloc else "***@" + parts.netloc.rpartition("@")[2]
    query = urllib.parse.urlencode([(k, "***" if k.lower() in _SECRET_PARAMS else v)
                                    for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)],
                                   safe="*")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def uri_secrets(uri: str, token: str) -> list[str]:
    """What must never be printed: the token and its halves ("user:password"), the URI's password and user,
    and its secret query parameters, longest first (a secret holding another is blanked whole)."""
    try:
        parts = urllib.parse.urlsplit(uri)
        found = [parts.password or "", parts.username or ""]
        found += [v for k, v in urllib.parse.parse_qsl(parts.query) if k.lower() in _SECRET_PARAMS]
    except ValueError:
        found = []
    found += [token, *token.split(":")] if token else []
    return sorted({s for s in found if len(s) >= 3}, key=len, reverse=True)


def describe_failure(exc: BaseException, uri: str, token: str) -> str:
    """What went wrong talking to Milvus at ``uri``, in one line, naming ``public_uri(uri)``, with the token
    and the URI's credentials blanked wherever they appear."""
    text = " ".join(str(exc).split())[:300] or type(exc).__name__
    cause = _refusal(exc)
    if cause:  # pymilvus reports a refused token as a failure to connect; the gRPC status under it says which
        text = cause
    for secret in uri_secrets(uri, token):
        text = text.replace(secret, "***")
    uri = public_uri(uri)
    if _UNREACHABLE.search(text) and not cause:
        return f"cannot reach Milvus at {uri} ({text})"
    if _REFUSED.search(text):
        return f"Milvus at {uri} refused the credentials in $QUOTH_MILVUS_TOKEN ({text})"
    return f"Milvus at {uri} failed ({text})"


def _refusal(exc: BaseException) -> str:
    """The gRPC status of a refused token among ``exc``'s causes, as text; empty when there is none."""
    seen: BaseException | None = exc
    visited: set[int] = set()
    while seen is not None and id(seen) not in visited:  # a chain can loop back on itself
        visited.add(id(seen))
        code = getattr(seen, "code", None)
        try:
            name = getattr(code(), "name", "") if callable(code) else ""
        except Exception:  # a gRPC future not done yet has no code to give
            name = ""
        if name in ("UNAUTHENTICATED", "PERMISSION_DENIED"):
            details = seen.details() if callable(getattr(seen, "details", None)) else ""
            return f"{name}: {details}"
        seen = seen.__cause__ or seen.__context__
    return ""


class Milvus:
    """A ``MilvusClient`` on ``uri``; ``call(name, ...)`` runs one of its methods with Quoth's errors."""

    def __init__(self, uri: str, token: str = "", timeout: float = 10.0) -> None:
        if not uri:
            raise IndexUnavailable('index.backend = "milvus" needs index.milvus_uri (http://host:19530, or a '
                                   "file path for Milvus Lite)")
        # ``uri`` is what messages name (public_uri); the client alone sees the credentials in ``_uri``.
        self.uri, self._uri, self._token, self.timeout = public_uri(uri), uri, token, timeout
        self._client: Any = None
        self.traffic = Traffic()
        self._gate = scrub.gate(uri)  # a Lite file this process runs: its writes wait while it is scrubbed (scrub.py)

    @property
    def client(self) -> Any:
        if self._client is None:
            cls = _client_class()
            try:
                # dedicated: pymilvus otherwise shares one channel per address between clients, and a channel
                # it fails to recover fails them all; this client is replaced when its channel dies.
                self._client = cls(uri=self._uri, token=self._token, timeout=self.timeout, grpc_options=GRPC_OPTIONS,
                                   dedicated=True)
            except Exception as exc:  # pymilvus raises its own, gRPC's and OSErrors alike when it cannot connect
                raise IndexUnavailable(describe_failure(exc, self._uri, self._token)) from None
        return self._client

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """``client.<method>(...)``; any failure is ``IndexUnavailable``. A collection found released (a
        restarted server has not loaded it again yet) is loaded and the call made once more."""
        try:
            return self.call_on(self.client, method, *args, **kwargs)
        except IndexUnavailable as exc:
            name = args[0] if args and isinstance(args[0], str) else kwargs.get("collection_name")
            if not name or not _RELEASED.search(str(exc)):
                raise
            log.info("Milvus collection %s was released (a server restart?): loading it again", name)
            self.call_on(self.client, "load_collection", name)
            return self.call_on(self.client, method, *args, **kwargs)

    def call_on(self, obj: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        """``obj.<method>(...)`` for an object the client handed out (a query iterator), with the same errors."""
        self.traffic.call(method)
        try:
            if obj is self._client:
                watch(obj, self.traffic)
            with self._gate.call() if self._gate and method not in scrub.READS else contextlib.nullcontext():
                return getattr(obj, method)(*args, **kwargs)
        except IndexUnavailable:
            raise
        except Exception as exc:
            said = describe_failure(exc, self._uri, self._token)
            if said.startswith("cannot reach"):
                # A fresh client next time: a new connection finds a restarted server at once, where the old
                # channel would wait out gRPC's growing reconnect backoff.
                self.close()
            raise IndexUnavailable(said) from None

    def scan(self, collection: str, expr: str, fields: list[str], params: dict | None = None,
             page: int = 1000) -> Iterator[dict]:
        """Every row of ``collection`` matching ``expr`` (``{name}`` filled from ``params``), a page at a time:
        Milvus caps one query's rows, an iterator does not."""
        from .layout import render

        it = self.call("query_iterator", collection, batch_size=page, filter=render(expr, params),
                       output_fields=fields)
        try:
            while rows := self.call_on(it, "next"):
                yield from rows
        finally:
            it.close()

    def __getattr__(self, method: str) -> Any:
        if method.startswith("_"):
            raise AttributeError(method)
        return functools.partial(self.call, method)

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            except Exception:  # closing a dead connection has nothing left to say
                log.debug("closing the Milvus client failed", exc_info=True)
            self._client = None
