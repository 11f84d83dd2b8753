"""Every place gkassist reads or writes, in one module.

User folders come from platformdirs (XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME honoured): drafts, the
personal corpus and the phrasing indexes under the data folder, jieba's dictionary caches under the cache
folder, config.toml under the config folder.  The shipped templates, prompts, samples and data are inside the package in a wheel
(pyproject force-includes them) and the top-level folders in a source checkout.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _user_dir(kind: str) -> Path:
    import platformdirs

    base = {"data": platformdirs.user_data_dir, "cache": platformdirs.user_cache_dir,
            "config": platformdirs.user_config_dir}[kind]
    return Path(base("gkassist", appauthor=False))


def drafts_dir() -> Path:
    """Where the chat keeps its drafts, one file per agency and year."""
    return _user_dir("data") / "drafts"


def fallback_drafts_dir() -> Path:
    """Where drafts go when the drafts folder cannot be written (a full or read-only disk, wrong permissions)."""
    return Path.home() / "gkassist-草稿"


def web_data_dir() -> Path:
    """`gkassist web`'s data (accounts, each unit's drafts, the reports submitted) when --data is not given."""
    return _user_dir("data") / "web"


def user_corpus_dir() -> Path:
    """The clerk's own reports added with `gkassist corpus add`."""
    return _user_dir("data") / "corpus"


def index_dir() -> Path:
    """The phrasing indexes, one SQLite file per corpus.  In the data folder, not the cache: built from a
    province's reports it takes many minutes to build again, and cache folders are what cleaners empty."""
    return _user_dir("data") / "index"


def cache_dir() -> Path:
    """jieba's dictionary caches: rebuilt whenever they are missing or broken."""
    return _user_dir("cache")


def config_path() -> Path:
    """config.toml (the optional language model)."""
    return _user_dir("config") / "config.toml"


def resource_dir(name: str) -> Path:
    """A shipped folder: templates, prompts, samples or data."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name
