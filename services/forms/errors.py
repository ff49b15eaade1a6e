"""The refusal of a form file."""

from services.errors import ServiceError


class FormError(ServiceError):
    """A form the bot will not use.

    reason: invalid (the XLSForm breaks a rule; `problems` says where and why, one line each,
    e.g. "row 7 (attended): constraint: unsupported function 'pulldata' at 0") | too-large
    (details size, limit) | wrong-type (details extension).
    """

    reason = "invalid"

    def __init__(self, problems: list[str], reason: str | None = None, **details: object):
        super().__init__(reason, problems=problems, **details)
        self.problems = list(problems)
        self.args = ("; ".join(self.problems),)
