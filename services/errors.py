"""Refusals a service gives; each carries a reason the Telegram layers turn into a message."""


class ServiceError(Exception):
    reason: str = "error"

    def __init__(self, reason: str | None = None, **details: object):
        super().__init__(reason or self.reason)
        self.reason = reason or self.reason
        self.details = details


class NotAllowed(ServiceError):
    reason = "not-allowed"


class NotFound(ServiceError):
    reason = "not-found"


class InviteRefused(ServiceError):
    """reason: unknown | expired | used | revoked | registered | suspended"""


class MessageTooLong(ServiceError):
    """reason: too-long (details limit, length) | empty (a text message with no visible text)"""

    reason = "too-long"
