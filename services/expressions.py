"""The XLSForm (ODK XPath) expressions of `relevant`, `constraint` and `required` columns.

Only a small subset is understood, parsed by hand and evaluated over plain values, so a form
can never run code or reach anything but the answers it is given:

- `.` (the answer being checked) and `${name}` (another answer; unanswered is "" as in ODK);
- numbers, 'strings' and "strings";
- `or`, `and`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`, `*`, `div`, `mod`, unary `-`, with
  XPath 1.0 precedence, all left-associative, and parentheses;
- the functions in FUNCTIONS.

Values are str, float, bool and datetime.date. Type rules follow XPath 1.0 as ODK applies
them, with dates added: a comparison involving a date (or two 'YYYY-MM-DD' strings under
`<`, `<=`, `>`, `>=`) compares days; arithmetic on a date uses days since 1970-01-01.
"""

from __future__ import annotations

import functools
import math
import re
import re._constants as sre  # private, but the only way to see a pattern's structure
import re._parser as sre_parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

MAX_SOURCE = 1000
MAX_DEPTH = 50
MAX_PATTERN = 200
MAX_REGEX_INPUT = 4096  # Telegram's own message limit; keeps the n**2 worst case near 0.1 s
# A repetition that may run longer than this counts as unbounded for the backtracking checks.
SMALL_REPEAT = 10
# Three overlapping unbounded repetitions in a row cost n**3 steps: minutes at that length.
MAX_OVERLAPPING = 2

EPOCH = date(1970, 1, 1)
NAN = float("nan")

_NAME = r"[^\W\d][\w.\-]*"
NAME = re.compile(_NAME)
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# XPath's number syntax: no exponent, no "inf", no sign other than a leading minus.
NUMBER = re.compile(r"\s*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")
OPERATOR_NAMES = frozenset({"and", "or", "div", "mod"})
PRECEDENCE = {
    "or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
    "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6,
}  # fmt: skip
TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<ref>\$\{{)
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*)
  | (?P<name>{_NAME}(?::{_NAME})?)
  | (?P<parent>\.\.)
  | (?P<dot>\.)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
    """,
    re.VERBOSE,
)
# character -> (code, message)
REFUSED_CHARACTERS = {
    "/": ("xpath-path", "XPath paths ('/') are not supported; refer to a question as ${name}"),
    "@": ("xpath-attribute", "attributes ('@') are not supported"),
    "[": ("xpath-predicate", "predicates ('[') are not supported"),
    "]": ("xpath-predicate", "predicates (']') are not supported"),
    "|": ("xpath-union", "node-set unions ('|') are not supported"),
    "$": ("xpath-variable", "variables ('$') are not supported; refer to a question as ${name}"),
    "'": ("unclosed-string", "unclosed string"),
    '"': ("unclosed-string", "unclosed string"),
}


class ExpressionError(ValueError):
    """A refused expression: `.position` (character offset), `.code` and `.details` (what a
    reader's language needs to say it) and an English `.message` for logs."""

    def __init__(self, message: str, position: int, code: str = "invalid", **details: object):
        super().__init__(f"{message} at {position}")
        self.message = message
        self.position = position
        self.code = code
        self.details = details


def current_date() -> date:
    """The date today() gives when evaluate() is not handed one; tests may replace it."""
    return date.today()


# --- values -------------------------------------------------------------------------------


def _value(raw: object) -> object:
    """An answer as one of the evaluator's types: str, float, bool or date."""
    if raw is None:
        return ""
    if isinstance(raw, bool | str | float):
        return raw
    if isinstance(raw, datetime):
        return raw.date()  # date questions compare days; a time of day would break `<`
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | Decimal):
        try:
            return float(raw)
        except OverflowError:
            return math.inf if raw > 0 else -math.inf
        except ValueError:  # Decimal('sNaN')
            return NAN
    if isinstance(raw, list | tuple):
        # a select_multiple answer; ODK stores it as space-separated choice names
        return " ".join(_to_string(_value(item)) for item in raw)
    if isinstance(raw, set | frozenset):
        return " ".join(sorted(_to_string(_value(item)) for item in raw))
    return str(raw)


def _to_string(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number_to_string(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _number_to_string(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == int(number):
        return str(int(number))  # XPath writes 2, not 2.0, and -0 as 0
    return format(Decimal(repr(number)), "f")  # never an exponent, as XPath


def _to_number(value: object) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, date):
        return float((value - EPOCH).days)
    if isinstance(value, str) and NUMBER.fullmatch(value):
        return float(value)
    return NAN


def _to_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return True  # a date


def _iso_date(value: object) -> date | None:
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _to_date(value: object) -> date | float:
    """XPath date(): a date, or NaN when the value names no day."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = _iso_date(value)
        return NAN if parsed is None else parsed
    number = _to_number(value)
    if math.isnan(number) or math.isinf(number):
        return NAN
    try:
        return EPOCH + timedelta(days=math.floor(number))
    except OverflowError:
        return NAN


def _day_number(value: object) -> float:
    if isinstance(value, str):
        parsed = _iso_date(value)
        return NAN if parsed is None else float((parsed - EPOCH).days)
    return _to_number(value)


def _equal(left: object, right: object) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return _to_bool(left) == _to_bool(right)
    if isinstance(left, date) or isinstance(right, date):
        other = right if isinstance(left, date) else left
        if isinstance(other, str) and _iso_date(other) is None:
            return _to_string(left) == _to_string(right)
        return _day_number(left) == _day_number(right)
    if isinstance(left, float) or isinstance(right, float):
        return _to_number(left) == _to_number(right)
    return _to_string(left) == _to_string(right)


def _order(operator: str, left: object, right: object) -> bool:
    if (
        isinstance(left, date)
        or isinstance(right, date)
        or (_iso_date(left) is not None and _iso_date(right) is not None)
    ):
        a, b = _day_number(left), _day_number(right)
    else:
        a, b = _to_number(left), _to_number(right)
    # NaN compares false under every operator, as in XPath
    if operator == "<":
        return a < b
    if operator == "<=":
        return a <= b
    if operator == ">":
        return a > b
    return a >= b


def _divide(a: float, b: float) -> float:
    if b == 0:
        if a == 0 or math.isnan(a):
            return NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _modulo(a: float, b: float) -> float:
    # XPath mod truncates like Java's %, so the result takes the dividend's sign
    if b == 0 or math.isnan(a) or math.isnan(b) or math.isinf(a):
        return NAN
    if math.isinf(b):
        return a
    return math.fmod(a, b)


def _apply(operator: str, left: object, right: object) -> object:
    if operator == "=":
        return _equal(left, right)
    if operator == "!=":
        return not _equal(left, right)
    if operator in ("<", "<=", ">", ">="):
        return _order(operator, left, right)
    a, b = _to_number(left), _to_number(right)
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if operator == "div":
        return _divide(a, b)
    return _modulo(a, b)


# --- the tree -----------------------------------------------------------------------------


class _Context:
    __slots__ = ("answers", "current", "_today")

    def __init__(self, answers: Mapping[str, object], current: object, today: date | None):
        self.answers = answers if answers is not None else {}
        self.current = _value(current)
        self._today = today

    def today(self) -> date:
        if self._today is None:
            self._today = current_date()  # looked up when used, so tests can replace it
        # a datetime would not compare with the dates in answers
        return self._today.date() if isinstance(self._today, datetime) else self._today


class _Node:
    __slots__ = ("depth",)

    def evaluate(self, context: _Context) -> object:
        raise NotImplementedError


class _Literal(_Node):
    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value
        self.depth = 1

    def evaluate(self, context: _Context) -> object:
        return self.value


class _Current(_Node):
    __slots__ = ()

    def __init__(self):
        self.depth = 1

    def evaluate(self, context: _Context) -> object:
        return context.current


class _Reference(_Node):
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name
        self.depth = 1

    def evaluate(self, context: _Context) -> object:
        return _value(context.answers.get(self.name))


class _Negative(_Node):
    __slots__ = ("operand",)

    def __init__(self, operand: _Node):
        self.operand = operand
        self.depth = operand.depth + 1

    def evaluate(self, context: _Context) -> object:
        return -_to_number(self.operand.evaluate(context))


class _Chain(_Node):
    """Operators of one precedence level, applied left to right.

    Kept flat rather than as nested pairs so `${a} + ${b} + ...` or a long `or` list stays
    shallow for the depth limit and for evaluation.
    """

    __slots__ = ("level", "first", "rest")

    def __init__(self, level: int, first: _Node, rest: tuple[tuple[str, _Node], ...]):
        self.level = level
        self.first = first
        self.rest = rest
        self.depth = 1 + max(first.depth, *(node.depth for _, node in rest))

    def evaluate(self, context: _Context) -> object:
        if self.level == PRECEDENCE["or"]:
            return any(_to_bool(node.evaluate(context)) for node in self._operands())
        if self.level == PRECEDENCE["and"]:
            return all(_to_bool(node.evaluate(context)) for node in self._operands())
        value = self.first.evaluate(context)
        for operator, node in self.rest:
            value = _apply(operator, value, node.evaluate(context))
        return value

    def _operands(self) -> Iterable[_Node]:
        yield self.first
        for _, node in self.rest:
            yield node


class _Call(_Node):
    __slots__ = ("function", "arguments")

    def __init__(self, function: Callable, arguments: tuple[_Node, ...]):
        self.function = function
        self.arguments = arguments
        self.depth = 1 + max((node.depth for node in arguments), default=0)

    def evaluate(self, context: _Context) -> object:
        return self.function(context, self.arguments)


# --- functions ----------------------------------------------------------------------------
# Each takes the context and its argument nodes, so if() and coalesce() evaluate lazily.


def _strings(context: _Context, arguments: tuple[_Node, ...]) -> list[str]:
    return [_to_string(node.evaluate(context)) for node in arguments]


def _argument_or_current(context: _Context, arguments: tuple[_Node, ...]) -> object:
    return arguments[0].evaluate(context) if arguments else context.current


def _not(context, arguments):
    return not _to_bool(arguments[0].evaluate(context))


def _selected(context, arguments):
    chosen, value = _strings(context, arguments)
    return value.strip() in chosen.split()


def _count_selected(context, arguments):
    return float(len(_strings(context, arguments)[0].split()))


def _string_length(context, arguments):
    return float(len(_to_string(_argument_or_current(context, arguments))))


def _regex(context, arguments):
    text = _to_string(arguments[0].evaluate(context))
    if len(text) > MAX_REGEX_INPUT:
        return False  # the cap that keeps a slow pattern from stalling the bot
    return arguments[1].pattern.fullmatch(text) is not None


def _today(context, arguments):
    return context.today()


def _date(context, arguments):
    return _to_date(arguments[0].evaluate(context))


def _number(context, arguments):
    return _to_number(_argument_or_current(context, arguments))


def _string(context, arguments):
    return _to_string(_argument_or_current(context, arguments))


def _int(context, arguments):
    number = _to_number(arguments[0].evaluate(context))
    if math.isnan(number) or math.isinf(number):
        return number
    return float(math.trunc(number))


def _concat(context, arguments):
    return "".join(_strings(context, arguments))


def _contains(context, arguments):
    text, part = _strings(context, arguments)
    return part in text


def _starts_with(context, arguments):
    text, start = _strings(context, arguments)
    return text.startswith(start)


def _if(context, arguments):
    condition, then, otherwise = arguments
    return (then if _to_bool(condition.evaluate(context)) else otherwise).evaluate(context)


def _coalesce(context, arguments):
    first = arguments[0].evaluate(context)
    return first if _to_string(first) != "" else arguments[1].evaluate(context)


# name: (fewest arguments, most arguments or None for any, implementation)
FUNCTIONS: dict[str, tuple[int, int | None, Callable]] = {
    "not": (1, 1, _not),
    "selected": (2, 2, _selected),
    "count-selected": (1, 1, _count_selected),
    "string-length": (0, 1, _string_length),
    "regex": (2, 2, _regex),
    "true": (0, 0, lambda context, arguments: True),
    "false": (0, 0, lambda context, arguments: False),
    "today": (0, 0, _today),
    "date": (1, 1, _date),
    "number": (0, 1, _number),
    "string": (0, 1, _string),
    "int": (1, 1, _int),
    "concat": (1, None, _concat),
    "contains": (2, 2, _contains),
    "starts-with": (2, 2, _starts_with),
    "if": (3, 3, _if),
    "coalesce": (2, 2, _coalesce),
}


class _Pattern(_Node):
    """regex()'s pattern: a string literal, compiled and checked once when parsed."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.depth = 1

    def evaluate(self, context: _Context) -> object:
        return self.pattern.pattern


# --- regex safety -------------------------------------------------------------------------

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_SINGLE = (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.CATEGORY)
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_SAMPLES = "\u00e9\u0627\u0663\u00a0\u4e2d\u2028"  # é, Arabic alef, Arabic-Indic 3, ...


class _RegexGuard:
    """Refuses patterns whose backtracking can explode: nested or chained overlapping repeats.

    Character classes are compared over a sample alphabet (ASCII, the pattern's own
    characters and a few others), closed under case so (?i) cannot hide an overlap.
    """

    def __init__(self, text: str):
        self.alphabet = frozenset(map(chr, range(128))) | frozenset(text) | frozenset(_SAMPLES)

    def check(self, text: str) -> None:
        self._walk(sre_parse.parse(text), set(), inside=None)

    def _walk(self, items, chains: set, inside: bool | None) -> set:
        """Checks a sequence; `chains` holds (characters, length) of repeats still able to run
        on, `inside` whether we are in a repeat (and if it is unbounded).

        A set, so optional parts (a?a?a?...) merge their outcomes instead of doubling them.
        """
        for op, av in items:
            if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
                raise ValueError("back-references and conditionals are not supported",
                                 "backreference")
            if op in (sre.ASSERT, sre.ASSERT_NOT):
                self._walk(av[1], set(), inside)
            elif op == sre.SUBPATTERN:
                chains = self._walk(av[-1], chains, inside)
            elif op == getattr(sre, "ATOMIC_GROUP", None):
                chains = self._walk(av, chains, inside)
            elif op == sre.BRANCH:
                chains = self._branch(av[1], chains, inside)
            elif op in _REPEATS:
                chains = self._repeat(av, chains, inside)
            elif op in _SINGLE:
                chains = self._consume(self._characters([(op, av)]), chains)
        return chains

    def _branch(self, branches, chains: set, inside: bool | None) -> set:
        if inside:
            # (a|aa)+ or (a|a)+ can split one text in exponentially many ways
            if len({branch.getwidth() for branch in branches}) > 1 or any(
                low != high for low, high in (branch.getwidth() for branch in branches)
            ):
                raise ValueError("alternatives of different lengths inside a repetition",
                                 "alternatives-length")
            seen: list[frozenset] = []
            for branch in branches:
                characters = self._first(branch)
                if any(characters & other for other in seen):
                    raise ValueError("alternatives starting alike inside a repetition",
                                     "alternatives-alike")
                seen.append(characters)
        merged: set = set()
        for branch in branches:
            merged |= self._walk(branch, chains, inside)
        return merged

    def _repeat(self, av, chains: set, inside: bool | None) -> set:
        low, high, body = av
        unbounded = high > SMALL_REPEAT
        if inside is not None and low != high and (inside or unbounded):
            raise ValueError("nested quantifiers like (a+)+", "nested-quantifiers")
        if high <= 1:
            # optional: the chains after it are those of skipping it or of taking it
            return chains | self._walk(body, chains, inside)
        self._walk(body, set(), inside=bool(inside) or unbounded)
        characters = self._characters(body)
        if unbounded and low != high:
            length = 1 + max((n for chars, n in chains if chars & characters), default=0)
            if length > MAX_OVERLAPPING:
                raise ValueError("too many overlapping repetitions in a row, like \\d*\\d*\\d*",
                                 "overlapping")
            chains = chains | {(characters, length)}
        return self._consume(characters, chains) if low >= 1 else chains

    @staticmethod
    def _consume(characters: frozenset, chains: set) -> set:
        # a repeat cannot run past a character it does not match
        return {(chars, n) for chars, n in chains if chars & characters}

    def _first(self, items) -> frozenset:
        for op, av in items:
            if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                return self._characters([(op, av)])
        return frozenset()

    def _characters(self, items) -> frozenset:
        """Every sample character some position of `items` might match."""
        found: set[str] = set()
        for op, av in items:
            if op == sre.LITERAL:
                found.add(chr(av))
            elif op == sre.NOT_LITERAL:
                found |= self.alphabet - {chr(av)}
            elif op == sre.ANY:
                found |= self.alphabet
            elif op == sre.CATEGORY:
                found |= self._category(av)
            elif op == sre.IN:
                found |= self._set(av)
            elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue
            elif op == sre.SUBPATTERN:
                found |= self._characters(av[-1])
            elif op == getattr(sre, "ATOMIC_GROUP", None):
                found |= self._characters(av)
            elif op == sre.BRANCH:
                for branch in av[1]:
                    found |= self._characters(branch)
            elif op in _REPEATS:
                found |= self._characters(av[2])
        return frozenset(found | {c.swapcase() for c in found})

    def _category(self, category) -> set[str]:
        class_ = _CATEGORIES.get(category)
        if class_ is None:
            return set(self.alphabet)
        return {c for c in self.alphabet if re.fullmatch(class_, c)}

    def _set(self, entries) -> set[str]:
        found: set[str] = set()
        negate = False
        for op, av in entries:
            if op == sre.NEGATE:
                negate = True
            elif op == sre.LITERAL:
                found.add(chr(av))
            elif op == sre.RANGE:
                low, high = av
                found |= {c for c in self.alphabet if low <= ord(c) <= high}
                found |= {chr(low), chr(high)}
            elif op == sre.CATEGORY:
                found |= self._category(av)
            else:
                found |= self.alphabet
        return self.alphabet - found if negate else found


def _compile_pattern(text: str, position: int) -> re.Pattern:
    if len(text) > MAX_PATTERN:
        raise ExpressionError(f"regex pattern longer than {MAX_PATTERN} characters", position,
                              "regex-too-long", limit=MAX_PATTERN)
    try:
        compiled = re.compile(text)
    except re.error as error:
        raise ExpressionError(f"invalid regex pattern: {error.msg}", position, "regex-invalid",
                              error=error.msg) from None
    except (OverflowError, RecursionError):
        raise ExpressionError("regex pattern too complex", position,
                              "regex-too-complex") from None
    try:
        _RegexGuard(text).check(text)
    except ValueError as error:
        why = error.args[1] if len(error.args) > 1 else "unsafe"
        raise ExpressionError(f"regex pattern refused: {error.args[0]}", position,
                              "regex-refused", why=why) from None
    except RecursionError:
        raise ExpressionError("regex pattern too complex", position,
                              "regex-too-complex") from None
    return compiled


# --- tokens and parser --------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, ref, op, name, dot, lparen, rparen, comma, end, bad
    text: str
    position: int
    error: ExpressionError | None = None  # a bad token's refusal


def _tokenize(source: str) -> list[_Token]:
    """The tokens; a refused piece of text becomes a final `bad` token, so the parser reports
    the first problem in reading order (`instance('x')/a` is an unsupported function)."""
    tokens: list[_Token] = []
    position = 0
    try:
        while position < len(source):
            match = TOKEN.match(source, position)
            if match is None:
                char = source[position]
                code, message = REFUSED_CHARACTERS.get(
                    char, ("unexpected-character", f"unexpected character {char!r}"))
                raise ExpressionError(message, position, code, char=char)
            kind = match.lastgroup
            if kind == "parent":
                raise ExpressionError("parent steps ('..') are not supported", position,
                                      "xpath-parent")
            if kind == "ref":
                tokens.append(_reference(source, position))
                position = tokens[-1].position + len(tokens[-1].text) + 3
                continue
            if kind != "space":
                tokens.append(_Token(kind, match.group(), position))
            if kind == "name" and source.startswith("::", match.end()):
                raise ExpressionError("XPath axes ('::') are not supported", match.end(),
                                      "xpath-axis")
            position = match.end()
    except ExpressionError as error:
        return [*tokens, _Token("bad", error.message, error.position, error)]
    return [*tokens, _Token("end", "", len(source))]


def _reference(source: str, position: int) -> _Token:
    close = source.find("}", position + 2)
    if close == -1:
        raise ExpressionError("unclosed reference '${'", position, "unclosed-reference")
    name = source[position + 2 : close]
    if not NAME.fullmatch(name):
        raise ExpressionError(f"invalid question name {name!r} in reference", position,
                              "bad-reference", reference=name)
    return _Token("ref", name, position)


class _Parser:
    def __init__(self, source: str):
        self.tokens = _tokenize(source)
        self.index = 0
        self.nesting = 0
        self.names: set[str] = set()

    def parse(self) -> _Node:
        if self.peek().kind == "end":
            raise ExpressionError("empty expression", 0, "empty")
        tree = self.binary(1)
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(f"unexpected {_describe(token)}", token.position,
                                  "unexpected", token=_shown(token))
        return tree

    def peek(self) -> _Token:
        token = self.tokens[self.index]
        if token.kind == "bad":
            raise token.error
        return token

    def advance(self) -> _Token:
        token = self.peek()
        self.index += 1
        return token

    def enter(self, position: int) -> None:
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise ExpressionError(f"expression nested deeper than {MAX_DEPTH} levels", position,
                                  "too-deep", limit=MAX_DEPTH)

    def checked(self, node: _Node, position: int) -> _Node:
        if node.depth > MAX_DEPTH:
            raise ExpressionError(f"expression nested deeper than {MAX_DEPTH} levels", position,
                                  "too-deep", limit=MAX_DEPTH)
        return node

    def operator(self) -> str | None:
        token = self.peek()
        if token.kind == "op" or (token.kind == "name" and token.text in OPERATOR_NAMES):
            return token.text
        return None

    def binary(self, lowest: int) -> _Node:
        """Precedence climbing: operators of level >= `lowest`, each level left-associative."""
        left = self.unary()
        while (operator := self.operator()) is not None and PRECEDENCE[operator] >= lowest:
            position = self.advance().position
            level = PRECEDENCE[operator]
            right = self.binary(level + 1)
            if isinstance(left, _Chain) and left.level == level:
                # (a - b) - c is a - b - c, so a bracketed left side may join the chain too
                left = _Chain(level, left.first, (*left.rest, (operator, right)))
            else:
                left = _Chain(level, left, ((operator, right),))
            left = self.checked(left, position)
        return left

    def unary(self) -> _Node:
        token = self.peek()
        if token.kind == "op" and token.text == "-":
            self.advance()
            self.enter(token.position)
            node = self.checked(_Negative(self.unary()), token.position)
            self.nesting -= 1
            return node
        return self.primary()

    def primary(self) -> _Node:
        token = self.advance()
        if token.kind == "number":
            return _Literal(float(token.text))
        if token.kind == "string":
            return _Literal(token.text[1:-1])
        if token.kind == "ref":
            self.names.add(token.text)
            return _Reference(token.text)
        if token.kind == "dot":
            return _Current()
        if token.kind == "lparen":
            self.enter(token.position)
            node = self.binary(1)
            self.close(token)
            self.nesting -= 1
            return node
        if token.kind == "name" and self.peek().kind == "lparen":
            return self.call(token)
        if token.kind == "name" and token.text not in OPERATOR_NAMES:
            raise ExpressionError(
                f"XPath path step '{token.text}' is not supported; "
                f"refer to a question as ${{{token.text}}}",
                token.position, "xpath-step", step=token.text,
            )
        if token.kind == "end":
            raise ExpressionError("expression ends where a value was expected", token.position,
                                  "ends-early")
        raise ExpressionError(f"expected a value but found {_describe(token)}", token.position,
                              "expected-value", token=_shown(token))

    def close(self, opening: _Token) -> None:
        token = self.advance()
        if token.kind == "rparen":
            return
        if token.kind == "end":
            raise ExpressionError("unclosed parenthesis", opening.position,
                                  "unclosed-parenthesis")
        raise ExpressionError(f"expected ')' but found {_describe(token)}", token.position,
                              "expected-parenthesis", token=_shown(token))

    def call(self, name: _Token) -> _Node:
        if name.text not in FUNCTIONS:
            raise ExpressionError(f"unsupported function '{name.text}'", name.position,
                                  "unsupported-function", function=name.text)
        fewest, most, function = FUNCTIONS[name.text]
        opening = self.advance()
        self.enter(opening.position)
        arguments: list[_Node] = []
        positions: list[int] = []
        if self.peek().kind == "rparen":
            self.advance()
        else:
            while True:
                positions.append(self.peek().position)
                arguments.append(self.binary(1))
                if self.peek().kind == "comma":
                    self.advance()
                    continue
                self.close(opening)
                break
        self.nesting -= 1
        if len(arguments) < fewest or (most is not None and len(arguments) > most):
            raise ExpressionError(
                f"function '{name.text}' takes {_arity(fewest, most)}, got {len(arguments)}",
                name.position, "arity", function=name.text, fewest=fewest,
                most=-1 if most is None else most, got=len(arguments),
            )
        self.prepare(name.text, arguments, positions)
        return self.checked(_Call(function, tuple(arguments)), name.position)

    @staticmethod
    def prepare(name: str, arguments: list[_Node], positions: list[int]) -> None:
        """Checks made once, when the form is read, rather than on every answer."""
        if name == "regex":
            pattern = arguments[1]
            if not (isinstance(pattern, _Literal) and isinstance(pattern.value, str)):
                raise ExpressionError("regex() needs its pattern as a quoted string",
                                      positions[1], "regex-pattern-not-string")
            arguments[1] = _Pattern(_compile_pattern(pattern.value, positions[1]))
        elif name == "date" and isinstance(arguments[0], _Literal):
            value = _to_date(arguments[0].value)
            if not isinstance(value, date):
                raise ExpressionError("date() needs a real day as 'YYYY-MM-DD'", positions[0],
                                      "bad-date")
            arguments[0] = _Literal(value)


def _describe(token: _Token) -> str:
    if token.kind == "end":
        return "the end of the expression"
    if token.kind == "ref":
        return f"'${{{token.text}}}'"
    return f"'{token.text}'"


def _shown(token: _Token) -> str:
    """A token as written (never the end: callers handle that)."""
    return f"${{{token.text}}}" if token.kind == "ref" else token.text


def _arity(fewest: int, most: int | None) -> str:
    if most is None:
        return f"at least {fewest} argument{'s' * (fewest != 1)}"
    if fewest == most:
        return f"{fewest} argument{'s' * (fewest != 1)}"
    return f"{fewest} to {most} arguments"


# --- the public face ----------------------------------------------------------------------


@dataclass(frozen=True)
class Expression:
    """A parsed expression; `names` lists the ${name} references so a form can be checked."""

    source: str
    names: frozenset[str]
    _tree: _Node = field(repr=False, compare=False)

    def evaluate(
        self, answers: Mapping[str, object], current: object = None, *, today: date | None = None
    ) -> object:
        """The value: str, float, bool or date. `current` is `.`; `today` overrides today()."""
        return self._tree.evaluate(_Context(answers, current, today))

    def truthy(
        self, answers: Mapping[str, object], current: object = None, *, today: date | None = None
    ) -> bool:
        """XPath boolean() of the value: what `relevant`, `constraint` and `required` use."""
        return _to_bool(self.evaluate(answers, current, today=today))


def parse(source: str) -> Expression:
    """Parse an expression of the supported subset; anything else raises ExpressionError."""
    if not isinstance(source, str):
        raise ExpressionError("an expression must be text", 0, "not-text")
    return _parse(source)


@functools.lru_cache(maxsize=4096)  # a form's few expressions are read at every step
def _parse(source: str) -> Expression:
    if len(source) > MAX_SOURCE:
        raise ExpressionError(f"expression longer than {MAX_SOURCE} characters", MAX_SOURCE,
                              "too-long", limit=MAX_SOURCE)
    parser = _Parser(source)
    try:
        tree = parser.parse()
    except RecursionError:  # a backstop only: the depth limits stop well before this
        raise ExpressionError("expression too deeply nested", 0, "too-deep",
                              limit=MAX_DEPTH) from None
    return Expression(source, frozenset(parser.names), tree)
