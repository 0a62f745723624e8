"""Copy between frozen records and ORM rows: which columns hold which fields is
`workbench.storage.columns.RecordColumns` (shared with the plain reader of `list` and `show`);
links to other entities (tuple of ids) go to association tables and are handled by `LinkSpec`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind
from workbench.storage.columns import RecordColumns

R = TypeVar("R")


@dataclass(frozen=True)
class LinkSpec:
    """A tuple-of-ids field stored in an association table."""

    table: Table
    own_column: str
    other_column: str


class RecordMapper(RecordColumns[R]):
    def __init__(
        self,
        kind: EntityKind,
        record_cls: type[R],
        model_cls: type[Any],
        links: dict[str, LinkSpec] | None = None,
    ) -> None:
        self.kind = kind
        self.model_cls = model_cls
        self.links = links or {}
        super().__init__(record_cls, self.links)

    def apply(self, model: Any, record: R) -> None:
        for key, value in self.row_values(record).items():
            setattr(model, key, value)

    def new_model(self, record: R, entity_id: int | None = None) -> Any:
        model = self.model_cls(**self.row_values(record))
        if entity_id is not None:
            model.id = entity_id
        return model

    # -- links ---------------------------------------------------------------------------------
    def load_links(
        self, session: Session, ids: Sequence[int] | None
    ) -> dict[int, dict[str, tuple[int, ...]]]:
        """The links of the entities `ids` (of every entity that has some when None)."""
        result: dict[int, dict[str, tuple[int, ...]]] = defaultdict(dict)
        for name, spec in self.links.items():
            own, other = spec.table.c[spec.own_column], spec.table.c[spec.other_column]
            grouped: dict[int, list[int]] = defaultdict(list)
            query = select(own, other).order_by(own, other)
            if ids is not None and len(ids) <= 500:
                query = query.where(own.in_(ids))
            for own_id, other_id in session.execute(query):
                grouped[own_id].append(other_id)
            for own_id in grouped if ids is None else ids:
                result[own_id][name] = tuple(grouped.get(own_id, ()))
        return result

    def normalise_links(self, record: R) -> R:
        """The record with its link ids as a read returns them: distinct, in id order.

        Links are stored as sets; without this a record created with controller_ids=(3, 2)
        is journaled as [3, 2] but reads back as [2, 3], and undo then sees a change that
        never happened and refuses.
        """
        if not self.links:
            return record
        ordered = {name: tuple(sorted(set(getattr(record, name)))) for name in self.links}
        if all(getattr(record, name) == ids for name, ids in ordered.items()):
            return record
        return dataclasses.replace(record, **ordered)  # type: ignore[type-var]

    def save_links(self, session: Session, entity_id: int, record: R) -> None:
        for name, spec in self.links.items():
            wanted = dict.fromkeys(getattr(record, name))
            session.execute(delete(spec.table).where(spec.table.c[spec.own_column] == entity_id))
            if wanted:
                session.execute(
                    insert(spec.table),
                    [{spec.own_column: entity_id, spec.other_column: o} for o in wanted],
                )

    def records(self, session: Session, models: Iterable[Any]) -> list[R]:
        rows = list(models)
        links = self.load_links(session, [m.id for m in rows]) if self.links else {}
        return [self.to_record(m, links.get(m.id)) for m in rows]

    def streamed_records(self, session: Session, models: Iterable[Any]) -> list[R]:
        """`records` of a whole table read row by row (`yield_per`): each ORM object can go
        once its record is built, so memory holds the records, not the records and the rows."""
        links = self.load_links(session, None) if self.links else {}
        return [self.to_record(m, links.get(m.id)) for m in models]
