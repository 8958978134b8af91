"""INSERT … ON CONFLICT for the two dialects we run on."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite


def upsert(
    dialect: str, model: Any, *, values: dict[str, Any], keys: list[str], update: dict[str, Any]
) -> sqlite.Insert | postgresql.Insert:
    """Insert `values`; when `keys` already exist, set `update` instead (one atomic statement)."""
    if dialect == "postgresql":
        pg = postgresql.insert(model).values(**values)
        return pg.on_conflict_do_update(index_elements=keys, set_=update)
    if dialect == "sqlite":
        lite = sqlite.insert(model).values(**values)
        return lite.on_conflict_do_update(index_elements=keys, set_=update)
    raise ValueError(f"unsupported database dialect {dialect!r}")
