"""The one source of "now", movable in tests and in the sandbox."""

from datetime import UTC, datetime, timedelta

_offset = timedelta()
_frozen: datetime | None = None


def now() -> datetime:
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC) + _offset


def advance(seconds: float) -> None:
    """Move the clock forward (tests, the sandbox's fast-forward)."""
    global _offset, _frozen
    if _frozen is not None:
        _frozen += timedelta(seconds=seconds)
    else:
        _offset += timedelta(seconds=seconds)


def freeze(moment: datetime) -> None:
    """Stop the clock at `moment` (aware); only advance() moves it then (tests)."""
    global _frozen
    if moment.tzinfo is None:
        raise ValueError("freeze needs an aware datetime")
    _frozen = moment.astimezone(UTC)


def reset() -> None:
    global _offset, _frozen
    _offset, _frozen = timedelta(), None
