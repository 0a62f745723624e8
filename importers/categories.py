"""A subprocessor's category guessed from the words of its service, then of its name.

The list a DPO receives rarely states a category; the register needs one (hosting decides the
HDS check, CSP art. L.1111-8). The guess is a rule, so the import marks it inferred
(`InferenceOrigin.RULE`) with the words it relied on. The service's words come first ("Payment
processing" beats a name that happens to contain "cloud"); a well-known provider's name is the
fallback: IaaS/PaaS providers (AWS, Azure, Google Cloud, OVHcloud, Scaleway, Outscale...) are
hosting, e-mail and SMS senders are communication, and so on. Words in the seven languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.cleaning import fold
from workbench.domain.enums import SubprocessorCategory

_C = SubprocessorCategory
# (category, words of a service description), first match wins
SERVICE_WORDS: tuple[tuple[SubprocessorCategory, tuple[str, ...]], ...] = (
    (
        _C.ANALYTICS,
        (
            "analytics",
            "analytique",
            "analyse",
            "analysis",
            "statistics",
            "statistiques",
            "monitoring",
            "logs",
            "logging",
            "crash reporting",
            "audience",
            "tracking",
            "analyse du produit",
        ),
    ),
    (
        _C.HOSTING,
        (
            "hosting",
            "hebergement",
            "heberge",
            "hebergeur",
            "iaas",
            "paas",
            "infrastructure",
            "cloud",
            "datacenter",
            "datacenters",
            "data center",
            "data centre",
            "centre de donnees",
            "centres de donnees",
            "rechenzentrum",
            "rechenzentrumsanbieter",
            "server",
            "servers",
            "serveurs",
            "database",
            "databases",
            "hosts",
            "base de donnees",
            "storage",
            "stockage",
            "backup",
            "sauvegarde",
            "alojamiento",
            "hosting provider",
            "housing",
        ),
    ),
    (
        _C.SECURITY,
        (
            "security",
            "securite",
            "fraud",
            "fraude",
            "anti ddos",
            "ddos",
            "waf",
            "identity verification",
            "verification de l identite",
            "know your customer",
            "kyc",
            "authentication",
            "authentification",
            "sicherheit",
            "seguridad",
            "sicurezza",
        ),
    ),
    (
        _C.COMMUNICATION,
        (
            "email",
            "e mail",
            "emails",
            "mails",
            "mail",
            "mailing",
            "newsletter",
            "sms",
            "push notifications",
            "notifications",
            "marketing",
            "messagerie",
            "telephone",
            "phone",
            "conferencing",
            "visioconference",
        ),
    ),
    (
        _C.CUSTOMER_RELATION,
        (
            "support",
            "customer support",
            "support client",
            "support utilisateur",
            "helpdesk",
            "ticket",
            "ticketing",
            "crm",
            "customer relationship",
            "relation client",
            "kundenservice",
            "atencion al cliente",
        ),
    ),
    (
        _C.APPLICATIONS,
        ("software", "logiciel", "saas", "application", "applications", "signature electronique"),
    ),
)
# well-known providers, by the words of their name, when the service says nothing
NAME_WORDS: tuple[tuple[SubprocessorCategory, tuple[str, ...]], ...] = (
    (
        _C.HOSTING,
        (
            "amazon web services",
            "aws",
            "azure",
            "google cloud",
            "gcp",
            "ovh",
            "ovhcloud",
            "scaleway",
            "outscale",
            "3ds outscale",
            "digitalocean",
            "hetzner",
            "heroku",
            "vercel",
            "rackspace",
            "linode",
            "ionos",
            "clever cloud",
            "scalingo",
            "cloud temple",
            "interxion",
            "equinix",
            "data4",
            "telehouse",
            "mongodb",
            "supabase",
        ),
    ),
    (_C.SECURITY, ("cloudflare", "akamai", "auth0", "okta", "veriff", "onfido")),
    (
        _C.COMMUNICATION,
        (
            "brevo",
            "sendinblue",
            "sendgrid",
            "mailjet",
            "mailchimp",
            "mailgun",
            "postmark",
            "twilio",
            "vonage",
            "sinch",
            "dolist",
            "braze",
            "customer io",
        ),
    ),
    (
        _C.ANALYTICS,
        ("google analytics", "amplitude", "mixpanel", "segment", "datadog", "hotjar", "matomo"),
    ),
    (_C.CUSTOMER_RELATION, ("zendesk", "intercom", "freshdesk", "hubspot", "salesforce")),
)


def _compiled(
    table: tuple[tuple[SubprocessorCategory, tuple[str, ...]], ...],
) -> tuple[tuple[SubprocessorCategory, re.Pattern[str]], ...]:
    return tuple(
        (category, re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"))
        for category, words in table
    )


_SERVICE = _compiled(SERVICE_WORDS)
_NAME = _compiled(NAME_WORDS)


@lru_cache(maxsize=4096)
def infer_category(service: str, name: str) -> tuple[SubprocessorCategory, str] | None:
    """(category, the text it was read from) from the service's words, else the name's."""
    for text, table in ((service, _SERVICE), (name, _NAME)):
        folded = fold(text)
        if not folded:
            continue
        for category, pattern in table:
            if pattern.search(folded):
                return category, text
    return None
