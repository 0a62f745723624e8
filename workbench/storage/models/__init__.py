from workbench.storage.models._audit import AuditModel
from workbench.storage.models._certification import CertificationModel
from workbench.storage.models._journal import JournalEntryModel, OperationModel, SettingModel
from workbench.storage.models._notification import NotificationModel
from workbench.storage.models._organisation import OrganisationModel
from workbench.storage.models._subprocessor import SubprocessorModel
from workbench.storage.models._treatment import (
    TreatmentModel,
    treatment_controller,
    treatment_processor,
    treatment_subprocessor,
)

__all__ = [
    "AuditModel",
    "CertificationModel",
    "JournalEntryModel",
    "NotificationModel",
    "OperationModel",
    "OrganisationModel",
    "SettingModel",
    "SubprocessorModel",
    "TreatmentModel",
    "treatment_controller",
    "treatment_processor",
    "treatment_subprocessor",
]
