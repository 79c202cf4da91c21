"""What a ``Milvus`` connection has sent and received: client calls by method, the gRPC messages under them and
their bytes. A question's cost against a remote Milvus is its round trips and bytes more than anything computed
here, so benchmarks and tests count them (a count, not a time: it does not vary with the machine)."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from typing import Any

import grpc


class Traffic:
    """Counters of one connection. ``calls``/``by_method``: client calls (``search``, ``get``…), counted by
    ``Milvus.call_on``; ``rpcs``: the gRPC requests they made (``Search``, ``Query``…); ``sent``/``received``:
    the serialized bytes of those requests and of their answers (protobuf ``ByteSize()``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # a question's searches may run on several threads
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.calls = 0
            self.by_method: Counter[str] = Counter()
            self.rpcs: Counter[str] = Counter()
            self.sent = 0
            self.received = 0

    def call(self, method: str) -> None:
        with self._lock:
            self.calls += 1
            self.by_method[method] += 1

    def request(self, rpc: str, size: int) -> None:
        with self._lock:
            self.rpcs[rpc] += 1
            self.sent += size

    def response(self, size: int) -> None:
        with self._lock:
            self.received += size

    def snapshot(self) -> dict:
        with self._lock:
            return {"calls": self.calls, "by_method": dict(self.by_method), "rpcs": dict(self.rpcs),
                    "sent": self.sent, "received": self.received}


def _size(message: Any) -> int:
    try:
        return int(message.ByteSize())
    except Exception:  # not a protobuf message (an error status): it carried nothing worth counting
        return 0


class _Counting(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """A channel interceptor feeding ``Traffic``: pymilvus calls its stub both directly and through
    ``.future()``, and an interceptor sees both alike."""

    def __init__(self, traffic: Traffic) -> None:
        self.traffic = traffic

    def intercept_unary_unary(self, continuation, details, request):
        self.traffic.request(str(details.method).rsplit("/", 1)[-1], _size(request))
        outcome = continuation(details, request)
        outcome.add_done_callback(self._received)
        return outcome

    def _received(self, outcome) -> None:
        with contextlib.suppress(Exception):  # a failed call: its error is raised to the caller, not here
            self.traffic.response(_size(outcome.result()))

    def intercept_unary_stream(self, continuation, details, request):
        self.traffic.request(str(details.method).rsplit("/", 1)[-1], _size(request))
        for message in continuation(details, request):
            self.traffic.response(_size(message))
            yield message


def watch(client: Any, traffic: Traffic) -> None:
    """Make ``client``'s (a ``MilvusClient``) gRPC stub count into ``traffic``. pymilvus replaces its stub when
    it reconnects, so this is called before each call and re-wraps a stub it has not seen; a client without a
    gRPC handler (none yet) is left alone."""
    try:
        handler = client._get_connection()
    except Exception:  # not connected: the call itself will say why
        return
    stub = getattr(handler, "_stub", None)
    if stub is None or getattr(handler, "_quoth_counted", None) is stub:
        return
    from pymilvus.grpc_gen import milvus_pb2_grpc

    channel = getattr(handler, "_final_channel", None)
    if channel is None:
        return
    counted = milvus_pb2_grpc.MilvusServiceStub(grpc.intercept_channel(channel, _Counting(traffic)))
    handler._stub = counted
    handler._quoth_counted = counted
