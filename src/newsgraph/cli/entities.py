"""`newsgraph entities …`: correct entity identity (merge, split, rename, retype, reject), read the
rules and the audit log, carry rules to another store, resolve a store again.

Each correction is stored as a rule that also applies to articles stored later; see
`newsgraph.store.identity.corrections`.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer
from rich.console import Console

from newsgraph.errors import InputError
from newsgraph.settings import Settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a command runs, not with the CLI
    from sqlalchemy import Engine

    from newsgraph.store.identity.corrections import Correction

app = typer.Typer(
    help="Correct entity identity; read the correction rules and the audit log.", no_args_is_help=True
)
console = Console(stderr=True)

Db = Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")]
Author = Annotated[str | None, typer.Option(help="Who makes the correction (default: the login name).")]
Note = Annotated[str | None, typer.Option(help="Why, for the audit log.")]


def _with_store(db: str | None, work: Callable[[Engine], Any]) -> Any:
    from newsgraph.store.db import open_store

    engine = open_store(db or Settings().db)
    try:
        return work(engine)
    finally:
        engine.dispose()


def _correct(correction: Correction, db: str | None, author: str | None, note: str | None) -> None:
    from newsgraph.store.identity.corrections import correct

    result = _with_store(db, lambda e: correct(e, correction, author=author or getpass.getuser(), note=note))
    ids = ", ".join(map(str, result.entity_ids)) or "none"
    console.print(
        f"rule {result.rule_id} stored (audit {result.audit_id}); entities now: {ids}", highlight=False
    )


@app.command("merge")
def merge(
    entity_ids: Annotated[list[int], typer.Argument(help="Two or more entity ids.")],
    db: Db = None,
    author: Author = None,
    note: Note = None,
) -> None:
    """Make these entities one (the smallest id stays), now and for articles stored later."""
    from newsgraph.store.identity.corrections import Merge

    _correct(Merge(entity_ids), db, author, note)


@app.command("split")
def split(
    entity_id: Annotated[int, typer.Argument(help="The entity to split.")],
    article: Annotated[list[int], typer.Option("--article", "-a", help="An article id to move (repeat).")],
    db: Db = None,
    author: Author = None,
    note: Note = None,
) -> None:
    """Move the entity's members in these articles to a new entity."""
    from newsgraph.store.identity.corrections import Split

    _correct(Split(entity_id, article), db, author, note)


@app.command("rename")
def rename(
    entity_id: Annotated[int, typer.Argument()],
    name: Annotated[str, typer.Argument(help="The name it should have.")],
    db: Db = None,
    author: Author = None,
    note: Note = None,
) -> None:
    """Give the entity this name, whatever its articles call it."""
    from newsgraph.store.identity.corrections import Rename

    _correct(Rename(entity_id, name), db, author, note)


@app.command("retype")
def retype(
    entity_id: Annotated[int, typer.Argument()],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="PERSON, ORG, GPE, LOC, …")],
    db: Db = None,
    author: Author = None,
    note: Note = None,
) -> None:
    """Give the entity this type, whatever its articles say."""
    from newsgraph.models import ENTITY_TYPES
    from newsgraph.store.identity.corrections import Retype

    if type_.upper() not in ENTITY_TYPES:
        raise InputError(f"unknown type {type_!r}: choose one of {', '.join(ENTITY_TYPES)}")
    _correct(Retype(entity_id, type_.upper()), db, author, note)


@app.command("reject")
def reject(
    name: Annotated[str, typer.Argument(help="The name that is not an entity.")],
    type_: Annotated[str | None, typer.Option("--type", help="Only when of this type.")] = None,
    db: Db = None,
    author: Author = None,
    note: Note = None,
) -> None:
    """Mark a name as not an entity: each article keeps it as its own, out of lists and search."""
    from newsgraph.store.identity.corrections import Reject

    _correct(Reject(name, type_.upper() if type_ else None), db, author, note)


@app.command("rules")
def rules(
    db: Db = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write them as JSONL (for `import-rules`).")
    ] = None,
) -> None:
    """List the correction rules, oldest first (JSON Lines)."""
    from newsgraph.store.identity.corrections import list_rules
    from newsgraph.store.queries import to_jsonable

    def read(engine: Engine) -> list[Any]:
        with engine.connect() as conn:
            return list_rules(conn)

    lines = b"".join(orjson.dumps(to_jsonable(r)) + b"\n" for r in _with_store(db, read))
    if out is None:
        sys.stdout.buffer.write(lines)
        sys.stdout.flush()
    else:
        out.write_bytes(lines)


@app.command("import-rules")
def import_rules_command(
    file: Annotated[Path, typer.Argument(help="JSONL written by `newsgraph entities rules --out`.")],
    db: Db = None,
    author: Author = None,
) -> None:
    """Add rules from another store (before a load or an ingest, or to a store with articles)."""
    from newsgraph.store.identity.corrections import RuleRecord, import_rules

    try:
        records = [
            RuleRecord(**orjson.loads(line)) for line in file.read_bytes().splitlines() if line.strip()
        ]
    except (OSError, orjson.JSONDecodeError, TypeError) as exc:
        raise InputError(f"{file}: not a rules file ({exc})") from exc
    count = _with_store(db, lambda e: import_rules(e, records, author=author or getpass.getuser()))
    console.print(f"{count} rules added")


@app.command("audit")
def audit(
    db: Db = None,
    entity: Annotated[int | None, typer.Option(help="Only entries touching this entity.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000)] = 100,
) -> None:
    """Print the audit log, newest first (JSON Lines): who, when, what, entities before and after."""
    from newsgraph.store.identity.corrections import audit_log
    from newsgraph.store.queries import to_jsonable

    def read(engine: Engine) -> list[Any]:
        with engine.connect() as conn:
            return audit_log(conn, limit=limit, entity_id=entity)

    sys.stdout.buffer.write(b"".join(orjson.dumps(to_jsonable(r)) + b"\n" for r in _with_store(db, read)))
    sys.stdout.flush()


@app.command("rebuild")
def rebuild(db: Db = None) -> None:
    """Resolve every entity again from its articles (after upgrading a store made before identity keys)."""
    from newsgraph.store.identity.corrections import rebuild_all

    count = _with_store(db, rebuild_all)
    console.print(f"{count:,} entities")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="entities")
