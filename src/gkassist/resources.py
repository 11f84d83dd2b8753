"""Where the shipped templates, prompts, samples and data live.

In the wheel they are inside the package (pyproject force-includes them); in a source checkout they
are the top-level folders the project keeps them in.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def user_dir(kind: str, name: str = "") -> Path:
    """A folder of the user's (kind "data", "cache" or "config"), found with platformdirs so XDG_* is honoured."""
    import platformdirs

    base = {"data": platformdirs.user_data_dir, "cache": platformdirs.user_cache_dir,
            "config": platformdirs.user_config_dir}[kind]
    return Path(base("gkassist", appauthor=False)) / name


def resource_dir(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name
