"""Where the shipped files are.

locales/ and data/ are installed beside the project's packages (site-packages/locales, ...),
as they sit beside them in a checkout, so one rule finds them in both.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def resource_path(folder: str, *parts: str) -> Path:
    """A shipped directory or file, e.g. resource_path("data", "member_states.json")."""
    path = ROOT.joinpath(folder, *parts)
    if not path.exists():
        raise FileNotFoundError(f"shipped file missing: {path}")
    return path
