"""Prometheus metrics, in a registry of the app's own (no global state)."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    """Requests, latencies, scored messages, lookups, queue depth and index size."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "unsnare_requests", "HTTP requests answered", ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "unsnare_request_seconds", "Time to answer a request", ["route"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.messages = Counter("unsnare_messages_scored", "Messages accepted and scored",
                                registry=self.registry)
        self.lookups = Counter("unsnare_hash_lookups", "Hash lookups answered",
                               registry=self.registry)
        self.queue = Gauge("unsnare_webhook_queue_depth", "Early-warning events not yet "
                           "delivered", registry=self.registry)
        self.banks = Gauge("unsnare_hash_banks_indexed", "Hash banks this process indexes",
                           registry=self.registry)

    def render(self, queue_depth: Callable[[], int], banks: Callable[[], int]) -> bytes:
        """The text exposition format, with the gauges read now."""
        self.queue.set(queue_depth())
        self.banks.set(banks())
        return generate_latest(self.registry)
