"""The files kept with the records (DPAs, certificates, audit reports, letters as sent) in an
auditor's package.

An auditor checking Art. 28 asks for the contracts and the evidence behind the register, not
only the register: each attachment of a record the package covers is copied into it, under
`pieces-jointes/` (`attachments/` in English), one folder per record, with its size and
SHA-256 in the manifest like every other file, so `verify-package` tells a replaced, removed
or added file. Each copy is checked against the SHA-256 the register recorded when the file
was attached (AttachmentService.content): a package never carries a file the register no
longer vouches for.

Which attachments: those of the organisations, subprocessors and certifications of the
package's snapshot, and of the audits and notifications of its organisations (for a package
of one organisation, that organisation's alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.domain.attachments import Attachment
from workbench.domain.enums import EntityKind
from workbench.domain.file_names import file_stem
from workbench.domain.snapshot import RegisterSnapshot
from workbench.progress import Progress
from workbench.services.register import Register

FOLDERS = {"fr": "pieces-jointes", "en": "attachments"}
_OWNER_WORDS = {
    "fr": {
        EntityKind.ORGANISATION: "organisation",
        EntityKind.SUBPROCESSOR: "sous-traitant",
        EntityKind.CERTIFICATION: "certificat",
        EntityKind.AUDIT: "audit",
        EntityKind.NOTIFICATION: "notification",
    },
    "en": {
        EntityKind.ORGANISATION: "organisation",
        EntityKind.SUBPROCESSOR: "subprocessor",
        EntityKind.CERTIFICATION: "certificate",
        EntityKind.AUDIT: "audit",
        EntityKind.NOTIFICATION: "notification",
    },
}


@dataclass(frozen=True, slots=True)
class PackagedAttachment:
    path: str  # inside the package, "/"-separated
    attachment: Attachment


def attachments_in(register: Register, snapshot: RegisterSnapshot) -> list[Attachment]:
    """The attachments of the records `snapshot` covers, in the register's order."""
    organisations = {o.id for o in snapshot.organisations}
    covered = {
        EntityKind.ORGANISATION: organisations,
        EntityKind.SUBPROCESSOR: {s.id for s in snapshot.subprocessors},
        EntityKind.CERTIFICATION: {c.id for c in snapshot.certifications},
        EntityKind.AUDIT: {
            a.id for a in register.audits.list() if a.organisation_id in organisations
        },
        EntityKind.NOTIFICATION: {
            n.id for n in register.notifications.list() if n.organisation_id in organisations
        },
    }
    return [
        a for a in register.attachments.list() if a.owner_id in covered.get(a.owner_kind, set())
    ]


def write_attachments(
    register: Register,
    attachments: list[Attachment],
    package: Path,
    snapshot: RegisterSnapshot,
    locale: str,
    progress: Progress,
) -> list[PackagedAttachment]:
    """Copy each attachment under the package's attachments folder; their package paths."""
    written = []
    top = FOLDERS[locale]
    for done, attachment in enumerate(attachments):
        progress.check_cancelled()
        progress.report(done, len(attachments), attachment.file_name)
        folder = package / top / _owner_folder(attachment, snapshot, locale)
        if attachment.id is None:  # listed from the register: every record has an id
            continue
        copy = register.attachments.write_copy(attachment.id, folder)
        written.append(PackagedAttachment(copy.relative_to(package).as_posix(), attachment))
    return written


def _owner_folder(attachment: Attachment, snapshot: RegisterSnapshot, locale: str) -> str:
    """`sous-traitant-12-zendesk`: the kind and id of the record (unique), then its name."""
    kind = attachment.owner_kind
    word = _OWNER_WORDS[locale].get(kind, kind.value)
    names = {
        EntityKind.ORGANISATION: snapshot.organisation_name(attachment.owner_id),
        EntityKind.SUBPROCESSOR: getattr(
            snapshot.subprocessor_by_id.get(attachment.owner_id), "name", ""
        ),
    }
    name = names.get(kind, "")
    stem = file_stem(name, "") if name else ""
    return "-".join(part for part in (word, str(attachment.owner_id), stem) if part)
