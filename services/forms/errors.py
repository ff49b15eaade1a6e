"""The refusal of a form file."""

from dataclasses import dataclass, field

from services.errors import ServiceError


@dataclass
class Problem:
    """One reason a form is refused, as data a reader's language can say.

    `code` names the rule (for an expression: the expression's own code, with `column` the
    column it is in: constraint | relevant | required | group-relevant); `row` and `name` say
    where ("" and None: the file itself); `details` holds what the message needs; `text` is
    the same in English, for logs (pyxform's own messages stay as pyxform wrote them).
    """

    code: str
    text: str
    row: int | None = None
    name: str = ""
    column: str = ""
    position: int | None = None
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text


class FormError(ServiceError):
    """A form the bot will not use.

    reason: invalid (the XLSForm breaks a rule; `problems` says where and why, one each)
    | too-large (details size, limit) | wrong-type (details extension).
    """

    reason = "invalid"

    def __init__(self, problems: list[Problem], reason: str | None = None, **details: object):
        super().__init__(reason, problems=problems, **details)
        self.problems = list(problems)
        self.args = ("; ".join(map(str, self.problems)),)
