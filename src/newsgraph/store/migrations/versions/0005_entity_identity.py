"""Entity identity from evidence: identity keys, name and type votes, correction rules and their audit log.

`entities` loses its unique (type, name_key): two places called Georgia are two entities, and
the type is decided by votes, not part of the identity. New: `entities.named`, `name_rule`,
`type_rule`; `article_entities.identity_keys`; tables `entity_keys`, `entity_names`, `entity_rules`,
`entity_audit`. Articles stored before this revision have no keys: run
`newsgraph entities rebuild` once to resolve them again (nothing else needs it).

On SQLite the `entities` table is rebuilt to drop its unique constraint (SQLite cannot drop
one): the rows are copied aside, the table dropped and made again, the rows put back, with
foreign keys deferred to the commit so the rows that point at entities stay valid.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
OLD_COLUMNS = "id, type, name, name_key, last_key, article_count, mention_count"
TYPE_COMMENT = "Decided by its members' votes (store.identity)."
NAME_COMMENT = "Canonical name, decided by its members' votes."
OLD_NAME_COMMENT = "Canonical name: the longest name seen for it."


def _entity_columns(new: bool) -> list[sa.Column[object]]:
    columns: list[sa.Column[object]] = [
        sa.Column("id", Id, autoincrement=False, nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False, comment=TYPE_COMMENT if new else None),
        sa.Column("name", sa.Text(), nullable=False, comment=NAME_COMMENT if new else OLD_NAME_COMMENT),
        sa.Column(
            "name_key", sa.Text(), nullable=False, comment="Normalized name (see store.identity.name_key)."
        ),
        sa.Column("last_key", sa.Text(), nullable=False, comment="Last word of name_key (surname lookups)."),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
    ]
    if new:
        columns += _new_entity_columns()
    return columns


def _new_entity_columns() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "named",
            sa.Boolean(),
            server_default="1",
            nullable=False,
            comment="False for an article's own description-only entity: left out of entity lists.",
        ),
        sa.Column("name_rule", Id, nullable=True, comment="The rename rule that sets its name, if any."),
        sa.Column("type_rule", Id, nullable=True, comment="The retype rule that sets its type, if any."),
    ]


def _rebuild_sqlite_entities(new: bool) -> None:
    """Make `entities` again with the new (or old) columns and constraints, keeping its rows."""
    op.execute(f"CREATE TABLE _entities_copy AS SELECT {OLD_COLUMNS} FROM entities")
    op.execute("PRAGMA defer_foreign_keys = ON")
    op.drop_index("ix_entities_type_last_key", table_name="entities")
    op.drop_index("ix_entities_name_key", table_name="entities")
    if not new:
        op.drop_index("ix_entities_named_count", table_name="entities")
    op.drop_table("entities")
    constraints: list[sa.Constraint] = [sa.PrimaryKeyConstraint("id", name=op.f("pk_entities"))]
    if not new:
        constraints.append(sa.UniqueConstraint("type", "name_key", name="uq_entities_type_name_key"))
    op.create_table("entities", *_entity_columns(new), *constraints)
    op.execute(f"INSERT INTO entities ({OLD_COLUMNS}) SELECT {OLD_COLUMNS} FROM _entities_copy")
    op.execute("DROP TABLE _entities_copy")
    op.create_index("ix_entities_name_key", "entities", ["name_key"], unique=False)
    op.create_index("ix_entities_type_last_key", "entities", ["type", "last_key"], unique=False)


def upgrade() -> None:
    """Drop the unique entity name; add keys, votes, rules and the audit log."""
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite_entities(new=True)
    else:
        op.drop_constraint("uq_entities_type_name_key", "entities", type_="unique")
        for column in _new_entity_columns():
            op.add_column("entities", column)
        op.alter_column("entities", "type", existing_type=sa.String(length=20), comment=TYPE_COMMENT)
        op.alter_column(
            "entities",
            "name",
            existing_type=sa.Text(),
            comment=NAME_COMMENT,
            existing_comment=OLD_NAME_COMMENT,
        )
    op.create_index("ix_entities_named_count", "entities", ["named", "article_count", "id"], unique=False)
    op.add_column(
        "article_entities",
        sa.Column(
            "identity_keys",
            sa.Text(),
            nullable=True,
            comment="JSON list of its identity keys before correction rules (NULL: a description).",
        ),
    )
    _create_tables()


def _create_tables() -> None:
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.Text(), nullable=False, comment="An identity key (store.identity.keys)."),
        sa.Column("entity_id", Id, nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_keys_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_entity_keys")),
        comment="Which entity holds each identity key: every member with the key belongs to it.",
    )
    op.create_index("ix_entity_keys_entity_id", "entity_keys", ["entity_id"], unique=False)
    op.create_table(
        "entity_names",
        sa.Column("entity_id", Id, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column(
            "articles", sa.Integer(), nullable=False, comment="Articles whose entity had this name and type."
        ),
        sa.Column(
            "linked",
            sa.Integer(),
            nullable=False,
            comment="Of those, articles that linked it to a knowledge base.",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_names_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("entity_id", "name", "type", name=op.f("pk_entity_names")),
        comment="The votes an entity's canonical name and type are decided by.",
    )
    op.create_table(
        "entity_rules",
        sa.Column("id", Id, autoincrement=False, nullable=False),
        sa.Column(
            "kind", sa.String(length=10), nullable=False, comment="merge, split, rename, retype or reject."
        ),
        sa.Column(
            "data", sa.Text(), nullable=False, comment="JSON: the keys, articles, name or type it applies."
        ),
        sa.Column("created", sa.String(length=40), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_rules")),
        comment="Corrections to entity identity, applied to every article stored (store.identity.rules).",
    )
    op.create_table(
        "entity_audit",
        sa.Column("id", Id, autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("rule_id", Id, nullable=True),
        sa.Column(
            "detail", sa.Text(), nullable=False, comment="JSON: the entities before and after, the request."
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_audit")),
        comment="Who changed entity identity, when, and what it did.",
    )


def downgrade() -> None:
    """Drop the new tables and columns; restore the unique (type, name_key).

    Fails when two entities share a type and name key (merge them first).
    """
    for table in ("entity_audit", "entity_rules", "entity_names"):
        op.drop_table(table)
    op.drop_index("ix_entity_keys_entity_id", table_name="entity_keys")
    op.drop_table("entity_keys")
    with op.batch_alter_table("article_entities") as batch:
        batch.drop_column("identity_keys")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite_entities(new=False)
        return
    op.drop_index("ix_entities_named_count", table_name="entities")
    for name in ("type_rule", "name_rule", "named"):
        op.drop_column("entities", name)
    op.alter_column(
        "entities", "type", existing_type=sa.String(length=20), comment=None, existing_comment=TYPE_COMMENT
    )
    op.alter_column(
        "entities", "name", existing_type=sa.Text(), comment=OLD_NAME_COMMENT, existing_comment=NAME_COMMENT
    )
    op.create_unique_constraint("uq_entities_type_name_key", "entities", ["type", "name_key"])
