"""Moments (timezone-aware datetimes) of a record, stored and journaled in UTC.

A record may come with Europe/Paris times from a form; the database gives UTC back. Converting
before the write keeps the journal's snapshot equal to what a read returns, which undo relies on
(the same reason `RecordMapper.normalise_links` sorts link ids).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar

from workbench.i18n import _
from workbench.services._crud import CrudService, StoredRecord
from workbench.services._journal import UnitOfWork

R = TypeVar("R")
S = TypeVar("S", bound=StoredRecord)


class UtcCrudService(CrudService[S]):
    """A service whose records hold moments: they are written, and journaled, in UTC."""

    def _create(self, uow: UnitOfWork, record: S, entity_id: int | None = None) -> S:
        return super()._create(uow, in_utc(record), entity_id)

    # **options: passed on as they come (main's CrudService._update takes `restoring=`)
    def _update(self, uow: UnitOfWork, record: S, check_version: bool = True, **options: Any) -> S:
        return super()._update(uow, in_utc(record), check_version, **options)


def in_utc(record: R) -> R:
    """The record with every aware datetime, nested ones included, in UTC (naive ones as they
    are: validation refuses them by name)."""
    converted = {
        f.name: _utc(getattr(record, f.name))
        for f in dataclasses.fields(record)  # type: ignore[arg-type]
    }
    return dataclasses.replace(record, **converted)  # type: ignore[type-var]


def _utc(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo is not None else value
    if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
        return tuple(in_utc(v) for v in value)
    return value


def naive_moments(record: object, prefix: str = "") -> list[str]:
    """Names of the fields holding a datetime without a time zone (nested: "field[i].name")."""
    names: list[str] = []
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            names.append(prefix + f.name)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    names.extend(naive_moments(item, f"{prefix}{f.name}[{i}]."))
    return names


def naive_problems(record: object) -> dict[str, str]:
    """Validation problems for the moments without a time zone, by top-level field."""
    return {
        name.partition("[")[0]: _(
            "The time {field} has no time zone: say which (e.g. Europe/Paris)."
        ).format(field=name)
        for name in naive_moments(record)
    }
