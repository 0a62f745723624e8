"""Register-wide compliance settings, and statements the register makes about itself.

A statement is a sentence the organisation publishes ("Medaviz n'effectue aucun transfert de
données de santé hors de l'UE") modelled as a closed code, so that a check can confront it with
the data of the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workbench.i18n import N_


class StatementCode(StrEnum):
    NO_HEALTH_DATA_OUTSIDE_EU = "no_health_data_outside_eu"
    NO_DATA_OUTSIDE_EEA = "no_data_outside_eea"
    HEALTH_DATA_AT_HDS_HOSTS = "health_data_at_hds_hosts"


STATEMENT_MEANINGS = {
    StatementCode.NO_HEALTH_DATA_OUTSIDE_EU: N_("No health data is processed outside the EU"),
    StatementCode.NO_DATA_OUTSIDE_EEA: N_("No personal data is processed outside the EEA"),
    StatementCode.HEALTH_DATA_AT_HDS_HOSTS: N_("Health data is hosted only by HDS-certified hosts"),
}


@dataclass(frozen=True, slots=True)
class Statement:
    code: StatementCode
    text: str = ""  # the sentence as published, quoted in findings
    source: str = ""  # where it is published: "Politique de confidentialité, §10"
    organisation_id: int | None = None  # None: every own organisation


@dataclass(frozen=True, slots=True)
class ComplianceSettings:
    expiring_within_days: int = 90
    audit_notice_working_days: int = 10  # seed: "au moins dix (10) jours ouvrés"
    holiday_subdivision: str | None = None  # "57", "67", "68" or "6AE" for Alsace-Moselle
    notification_send_within_days: int = 7  # a drafted notification should leave within this
    deadlines_within_days: int = 60
    statements: tuple[Statement, ...] = ()

    def statements_for(self, code: StatementCode) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.code is code)
