"""The demo register: both seed documents entered faithfully, loaded as one undoable operation.

The content lives in `resources/demo/seeds.json`, a data file a DPO can read next to the seeds:
every key is a field of the `workbench.domain` record it describes, except the symbolic keys that
let records refer to each other before they have ids (`key`, `organisation`, `controllers`,
`processors`, `subprocessors`, `subprocessor`, `data_same_as`). Values the data entry had to
infer carry an `unconfirmed` mark with its reason, as an import's would. Treatments and
subprocessors are listed in the seed's order, so their position in a section is the row their
provenance names.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from workbench.domain import codec
from workbench.domain.errors import ValidationError
from workbench.domain.records import (
    Certification,
    Changes,
    Organisation,
    Provenance,
    Subprocessor,
    Treatment,
)
from workbench.services._context import changes_of
from workbench.services._journal import UnitOfWork
from workbench.services.operation_labels import LOAD_DEMO
from workbench.services.register import Register, open_register

DEMO_DATA_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "demo" / "seeds.json"
LOAD_LABEL = LOAD_DEMO

# Keys of the data file that are not record fields: references resolved to ids while loading.
_SYMBOLIC = {
    "key",
    "organisation",
    "controllers",
    "processors",
    "subprocessors",
    "subprocessor",
    "data_same_as",
}


@cache
def demo_data(path: Path = DEMO_DATA_FILE) -> dict[str, Any]:
    """The demo content as written in the data file (read once)."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError({str(path): f"the demo data cannot be read ({exc})"}) from exc
    return data


def load_demo(register: Register, path: Path = DEMO_DATA_FILE) -> Changes:
    """Enter the demo content into an empty register: one transaction, one journal operation.

    Undoing that operation (`register.journal.undo()`) empties the register again.
    """
    data = demo_data(path)
    if not register.is_empty():
        raise ValidationError(
            {"register": "The demo loads only into an empty register; this one has records."}
        )
    with register.context.write(LOAD_LABEL, kind="import") as uow:
        _DemoLoader(register, uow, path.name).load(data)
    return changes_of(uow)


def ensure_demo_register(location: str | Path, author: str | None = None) -> Register:
    """Open the demo register at `location`, loading the demo the first time (when empty)."""
    register = open_register(location, author=author)
    if register.is_empty():
        load_demo(register)
        record_seed_statements(register)
    return register


def record_seed_statements(register: Register) -> None:
    """The privacy policy's own commitments, so the checks can confront them with the data."""
    from workbench.compliance.settings import Statement, StatementCode
    from workbench.services.compliance_service import ComplianceService

    compliance = ComplianceService(register)
    podalire = register.organisations.find_by_name("Podalire (Medaviz)")
    statement = Statement(
        StatementCode.NO_HEALTH_DATA_OUTSIDE_EU,
        text="IL EST PRÉCISÉ QUE MEDAVIZ N'EFFECTUE AUCUN TRANSFERT DE DONNÉES À CARACTÈRE "
        "PERSONNEL DE SANTÉ HORS DE L'UNION EUROPÉENNE (UE).",
        source="Politique de confidentialité Medaviz V6.0, §10",
        organisation_id=podalire.id if podalire else None,
    )
    settings = compliance.settings()
    compliance.update_settings(dataclasses.replace(settings, statements=(statement,)))


@dataclass
class _DemoLoader:
    register: Register
    uow: UnitOfWork
    source: str  # the data file's name, for error messages
    organisations: dict[str, int] = field(default_factory=dict)
    subprocessors: dict[str, int] = field(default_factory=dict)
    treatments: dict[str, Treatment] = field(default_factory=dict)

    def load(self, data: dict[str, Any]) -> None:
        # Order matters: treatments and certificates point at organisations and subprocessors.
        for item in data["organisations"]:
            stored = self.register.organisations._create(
                self.uow, self._record(Organisation, item, {})
            )
            self.organisations[item["key"]] = _id(stored.id)
        for section in data["subprocessor_sections"]:
            self._load_subprocessors(section)
        for item in data["certifications"]:
            self._load_certification(item)
        for section in data["treatment_sections"]:
            self._load_treatments(section)

    def _load_subprocessors(self, section: dict[str, Any]) -> None:
        organisation_id = self._ref(self.organisations, section["organisation"])
        row = 0
        for group in section["groups"]:
            for item in group["subprocessors"]:
                row += 1
                extra: dict[str, Any] = {
                    "organisation_id": organisation_id,
                    "provenance": _provenance(section, row),
                    "data_categories": _categories(item.get("data_categories", [])),
                }
                if "category" in group:
                    extra["category"] = group["category"]
                record = self._record(Subprocessor, item, extra)
                stored = self.register.subprocessors._create(self.uow, record)
                self.subprocessors[item["key"]] = _id(stored.id)

    def _load_certification(self, item: dict[str, Any]) -> None:
        extra: dict[str, Any] = {}
        if "organisation" in item:
            extra["organisation_id"] = self._ref(self.organisations, item["organisation"])
        if "subprocessor" in item:
            extra["subprocessor_id"] = self._ref(self.subprocessors, item["subprocessor"])
        self.register.certifications._create(self.uow, self._record(Certification, item, extra))

    def _load_treatments(self, section: dict[str, Any]) -> None:
        organisation_id = self._ref(self.organisations, section["organisation"])
        controller_ids = tuple(
            self._ref(self.organisations, key) for key in section.get("controllers", [])
        )
        processor_ids = [
            self._ref(self.organisations, key) for key in section.get("processors", [])
        ]
        for row, item in enumerate(section["treatments"], start=1):
            extra: dict[str, Any] = {
                "organisation_id": organisation_id,
                "role": section["role"],
                "controller_ids": list(controller_ids),
                "processor_ids": processor_ids,
                "subprocessor_ids": [
                    self._ref(self.subprocessors, key) for key in item.get("subprocessors", [])
                ],
                "provenance": _provenance(section, row),
                "data_categories": _categories(item.get("data_categories", [])),
            }
            record = self._record(Treatment, item, extra)
            if "data_same_as" in item:
                # The seed's "idem": the same subjects and data as the row named elsewhere.
                same = self._ref(self.treatments, item["data_same_as"])
                record = dataclasses.replace(
                    record,
                    data_subjects=same.data_subjects,
                    data_categories=same.data_categories,
                )
            stored = self.register.treatments._create(self.uow, record)
            self.treatments[item["key"]] = stored

    def _record(self, cls: type[Any], item: dict[str, Any], extra: dict[str, Any]) -> Any:
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(item) - names - _SYMBOLIC
        if unknown:
            raise ValidationError(
                {
                    self.source: f"{cls.__name__} '{item.get('key', item.get('name', '?'))}' "
                    f"has unknown fields: {', '.join(sorted(unknown))}"
                }
            )
        fields = {k: v for k, v in item.items() if k in names} | extra
        try:
            return codec.from_dict(cls, fields)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                {self.source: f"{cls.__name__} '{item.get('name', '?')}': {exc}"}
            ) from exc

    def _ref(self, known: dict[str, Any], key: str) -> Any:
        if key not in known:
            raise ValidationError(
                {self.source: f"'{key}' is referred to before it is defined (or never)"}
            )
        return known[key]


def _categories(items: list[Any], subject: str = "") -> list[dict[str, Any]]:
    """Expand the data file's shorthand: a bare name, a DataCategory object, or a subject group."""
    expanded: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, str):
            expanded.append({"name": item, "subject": subject})
        elif "categories" in item:
            expanded.extend(_categories(item["categories"], item["subject"]))
        else:
            expanded.append({"subject": subject} | item)
    return expanded


def _provenance(section: dict[str, Any], row: int) -> dict[str, Any]:
    return codec.to_dict(Provenance(file=section["file"], sheet=section["sheet"], row=row))


def _id(entity_id: int | None) -> int:
    if entity_id is None:  # _create always stores; this keeps mypy honest about Optional ids
        raise ValidationError({"id": "a created record came back without an id"})
    return entity_id
