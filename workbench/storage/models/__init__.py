from workbench.storage.models._acknowledgement import FindingAcknowledgementModel
from workbench.storage.models._attachment import AttachmentBlobModel, AttachmentModel
from workbench.storage.models._audit import AuditModel
from workbench.storage.models._breach import BreachModel, breach_subprocessor, breach_treatment
from workbench.storage.models._certification import CertificationModel
from workbench.storage.models._data_subject_request import (
    DataSubjectRequestModel,
    request_treatment,
)
from workbench.storage.models._delivery import DeliveryModel
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
from workbench.storage.models._vendor_list import VendorListVersionModel

__all__ = [
    "AttachmentBlobModel",
    "AttachmentModel",
    "AuditModel",
    "BreachModel",
    "CertificationModel",
    "DataSubjectRequestModel",
    "DeliveryModel",
    "FindingAcknowledgementModel",
    "JournalEntryModel",
    "NotificationModel",
    "OperationModel",
    "OrganisationModel",
    "SettingModel",
    "SubprocessorModel",
    "TreatmentModel",
    "VendorListVersionModel",
    "breach_subprocessor",
    "breach_treatment",
    "request_treatment",
    "treatment_controller",
    "treatment_processor",
    "treatment_subprocessor",
]
