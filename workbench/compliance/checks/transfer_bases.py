"""What a subprocessor's transfer basis says, confronted with the law as it stands.

The register keeps a vendor's transfer paragraph as written (`transfer_text`). Some still cite
bases that no longer exist, or tools that are not what a standing subprocessor relationship
can rest on; these rules quote the words so that the DPO can see what the vendor claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.compliance.checks._facts import SCC_MODULE_FOR_ROLE, mechanism_label, roles_towards
from workbench.compliance.checks._proof import basis, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.checks.transfers import covered, scc_advice, stated_mechanism
from workbench.compliance.locations import outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind, Role, TransferMechanism
from workbench.domain.records import Subprocessor
from workbench.domain.reference import transfer_mechanisms
from workbench.i18n import N_, _

# Bases a vendor may still cite that are void (shared DOMAIN.md §9), with why.
_INVALID_BASES = (
    (
        re.compile(r"privacy[\s-]*shield|bouclier de protection", re.I),
        N_(
            "the EU-US Privacy Shield was invalidated by the Court of Justice on 16 July 2020 "
            "(C-311/18, Schrems II)"
        ),
    ),
    (
        re.compile(r"safe[\s-]*harbou?r|sph[èe]re de s[ée]curit[ée]", re.I),
        N_("the Safe Harbour was invalidated by the Court of Justice on 6 October 2015 (C-362/14)"),
    ),
    (
        re.compile(r"2001/497|2004/915|2010/87", re.I),
        N_(
            "the standard contractual clauses of Decisions 2001/497, 2004/915 and 2010/87 were "
            "repealed by Decision (EU) 2021/914, with a transition that ended on 27 December 2022"
        ),
    ),
)
# The same reasons for a void basis recorded as a code (what an import read a vendor claims).
_VOID_REASONS = {
    TransferMechanism.INVALID_PRIVACY_SHIELD: _INVALID_BASES[0][1],
    TransferMechanism.INVALID_SAFE_HARBOUR: _INVALID_BASES[1][1],
    TransferMechanism.INVALID_SCC_2001_497: _INVALID_BASES[2][1],
    TransferMechanism.INVALID_SCC_2004_915: _INVALID_BASES[2][1],
    TransferMechanism.INVALID_SCC_2010_87: _INVALID_BASES[2][1],
}
# "article 46-3", "46(3)", "46 3", "46.3", "46 § 3", "46, paragraphe 3", "clauses ad hoc".
_ART_46_3 = re.compile(
    r"\b46\s*(?:\(\s*3\s*\)|[-.\s]\s*3\b|§\s*3\b|,?\s*(?:paragraphe|para\.?|alinéa)\s*3\b)"
    r"|ad[\s-]hoc",
    re.I,
)
_ART_49 = re.compile(r"\bart(?:icle|\.)?\s*49\b|d[ée]rogation", re.I)
_DEROGATIONS = frozenset(m for m in TransferMechanism if m.value.startswith("DEROG_49"))


def _quote(text: str, match: re.Match[str], around: int = 60) -> str:
    """The words around `match`, cut at word boundaries."""
    start = max(0, match.start() - around)
    end = min(len(text), match.end() + around)
    if start:
        start = text.find(" ", start, match.start()) + 1 or start
    if end < len(text):
        end = text.rfind(" ", match.end(), end) if " " in text[match.end() : end] else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _uncovered(snapshot: RegisterSnapshot, sub: Subprocessor) -> bool:
    """True unless the data stays in the EEA or a confirmed valid mechanism covers it."""
    outside = [loc for loc in sub.locations if outside_eea(loc)]
    if sub.locations and not outside:
        return False
    stated = stated_mechanism(sub)
    valid = stated if stated is not None and is_valid(stated) else None
    if not sub.locations:
        return valid is None  # countries unknown: only a safeguard settles it
    return not all(covered(loc, valid, snapshot) for loc in outside)


def is_valid(mechanism: TransferMechanism) -> bool:
    return mechanism.is_safeguard and mechanism not in _DEROGATIONS


def check_invalid_bases(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in snapshot.subprocessors:
        found = [(p.search(sub.transfer_text), why) for p, why in _INVALID_BASES]
        cited: list[tuple[re.Match[str] | None, str]] = [(m, w) for m, w in found if m]
        if sub.transfer_mechanism in _VOID_REASONS and not cited:
            cited = [(None, _VOID_REASONS[sub.transfer_mechanism])]
        if not cited or sub.id is None:
            continue
        uncovered = _uncovered(snapshot, sub)
        finding = Finding(
            TRANSFER_INVALID_BASIS.id,
            Severity.ERROR if uncovered else Severity.WARNING,
            _(
                "The transfer basis of {name} {cited}: {why}. It is no valid basis for a transfer."
            ).format(
                name=sub.name,
                cited=_cited(sub, cited[0][0] if cited else None),
                why="; ".join(_(why) for _m, why in cited),
            ),
            _(
                "Ask {name} which basis it relies on today (Data Privacy Framework certification "
                "of the importer, {clauses}, binding corporate rules), record it, and correct the "
                "documents that still cite the void basis."
            ).format(name=sub.name, clauses=scc_advice(snapshot, sub)),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )
        yield to_verify(finding, basis(sub, "locations")) if uncovered else finding


def check_authorised_tools(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    """Art. 46(3) tools need the authority's authorisation; Art. 49 is no standing basis."""
    for sub in snapshot.subprocessors:
        if sub.id is None:
            continue
        link = EntityLink(EntityKind.SUBPROCESSOR, sub.id)
        mechanism = sub.transfer_mechanism
        info = transfer_mechanisms().get(mechanism.value) if mechanism else None
        ad_hoc = _ART_46_3.search(sub.transfer_text)
        if (info is not None and info.needs_sa_authorisation) or ad_hoc:
            yield Finding(
                TRANSFER_NEEDS_AUTHORISATION.id,
                Severity.WARNING,
                _(
                    "The transfer basis of {name} {cited}: clauses under Art. 46(3)(a) are ad "
                    "hoc clauses, valid only with the competent supervisory authority's "
                    "authorisation (consistency mechanism, Art. 63); the Commission's standard "
                    "contractual clauses are Art. 46(2)(c)."
                ).format(name=sub.name, cited=_cited(sub, ad_hoc)),
                _(
                    "Ask {name} whether it means the standard contractual clauses of Decision "
                    "(EU) 2021/914 and record them; if they are ad hoc clauses, record the "
                    "authority's authorisation (authority, date, reference)."
                ).format(name=sub.name),
                link,
                sub.name,
            )
        derogation = _ART_49.search(sub.transfer_text)
        if mechanism in _DEROGATIONS or derogation:
            yield Finding(
                TRANSFER_DEROGATION_AS_BASIS.id,
                Severity.WARNING,
                _(
                    "The transfer basis of {name} {cited}: the Art. 49 derogations are for "
                    "occasional, non-repetitive transfers (EDPB Guidelines 2/2018), not the "
                    "standing basis of a subprocessor's processing."
                ).format(name=sub.name, cited=_cited(sub, derogation)),
                _(
                    "Put an Art. 46 safeguard in place ({clauses}) or rely on an adequacy "
                    "decision, and record it."
                ).format(clauses=scc_advice(snapshot, sub)),
                link,
                sub.name,
            )


def _cited(sub: Subprocessor, words: re.Match[str] | None) -> str:
    """What the finding rests on: the words of the transfer text, else the recorded code."""
    if words is not None:
        return _('cites "{quote}"').format(quote=_quote(sub.transfer_text, words))
    return _("records {mechanism}").format(mechanism=mechanism_label(sub.transfer_mechanism))


def check_scc_modules(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    """Decision (EU) 2021/914: the module follows the roles of exporter and importer."""
    modules = frozenset(SCC_MODULE_FOR_ROLE.values()) | {
        TransferMechanism.SCC_EU_2021_914_M1,
        TransferMechanism.SCC_EU_2021_914_M4,
    }
    for sub in snapshot.subprocessors:
        roles = roles_towards(snapshot, sub)
        if sub.id is None or sub.transfer_mechanism not in modules or not roles:
            continue
        expected = {SCC_MODULE_FOR_ROLE[r] for r in roles}
        if sub.transfer_mechanism in expected:
            continue
        finding = Finding(
            TRANSFER_SCC_MODULE_ROLE.id,
            Severity.WARNING,
            _(
                "{name} is recorded under {mechanism}, but for the treatments it serves the "
                "organisation is {roles}: {expected} applies (Decision (EU) 2021/914: module 2 "
                "controller to processor, module 3 processor to processor)."
            ).format(
                name=sub.name,
                mechanism=mechanism_label(sub.transfer_mechanism),
                roles=" / ".join(
                    _("controller") if r is Role.CONTROLLER else _("processor")
                    for r in sorted(roles)
                ),
                expected=" + ".join(mechanism_label(m) for m in sorted(expected)),
            ),
            _("Check the module signed with {name} and record the one that fits the roles.").format(
                name=sub.name
            ),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )
        yield to_verify(finding, basis(sub, "transfer_mechanism"))


TRANSFER_INVALID_BASIS = Rule(
    "transfer-invalid-basis",
    Severity.ERROR,
    "GDPR Art. 44-46; CJEU C-311/18 (16 July 2020); Decision (EU) 2021/914 Art. 4",
)
TRANSFER_NEEDS_AUTHORISATION = Rule(
    "transfer-needs-authorisation", Severity.WARNING, "GDPR Art. 46(3)(a), 63"
)
TRANSFER_DEROGATION_AS_BASIS = Rule(
    "transfer-derogation-as-basis", Severity.WARNING, "GDPR Art. 49; EDPB Guidelines 2/2018"
)
TRANSFER_SCC_MODULE_ROLE = Rule(
    "transfer-scc-module-role", Severity.WARNING, "Decision (EU) 2021/914 (modules 1 to 4)"
)
CHECKS = (check_invalid_bases, check_authorised_tools, check_scc_modules)
