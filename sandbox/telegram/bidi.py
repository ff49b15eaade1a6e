"""Unicode bidi control characters, which RTL-aware bots put around labels."""

import re

_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    """Remove bidi control characters and surrounding whitespace."""
    return _BIDI.sub("", text).strip()
