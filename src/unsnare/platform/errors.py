"""The service's errors: each an `UnsnareError` with the HTTP status it answers with.

They live here rather than in `unsnare.errors` because only the platform service
maps them to statuses (401, 403, 429); the shape of the answer is the same one
the personal app's API uses: `{"error", "where", "hint"}`.
"""

from __future__ import annotations

from unsnare.errors import UnsnareError, UsageError


class PlatformError(UnsnareError):
    """A request the service cannot carry out; `status` is its HTTP status."""

    status = 400


class NotAuthenticatedError(PlatformError):
    """No key, an unknown key or a revoked key."""

    status = 401


class ForbiddenError(PlatformError):
    """A key without the scope the endpoint needs."""

    status = 403


class NotFoundError(PlatformError):
    """Nothing of that name for this tenant (another tenant's items are never named)."""

    status = 404


class ConflictError(PlatformError):
    """The name is taken, or the change clashes with what is stored."""

    status = 409


class RateLimitedError(PlatformError):
    """Too many requests for this key in the current minute."""

    status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too many requests for this key",
            field="Authorization",
            hint=f"Wait {retry_after} seconds, or ask for a key with a higher rate limit.",
        )
        self.retry_after = retry_after


class DatabaseUrlError(UsageError):
    """The service runs on PostgreSQL only."""
