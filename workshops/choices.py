from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberStateKind(models.TextChoices):
    MEMBER = "member", _("Member state")
    OBSERVER = "observer", _("Observer")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")


class OrganisationKind(models.TextChoices):
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    TRAINING_CENTRE = "training_centre", _("Training centre")
    NGO = "ngo", _("NGO")
    DONOR = "donor", _("Donor")
    ACADEMIC = "academic", _("Academic or research institution")
    OTHER = "other", _("Other")


class WorkshopKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    COURSE = "course", _("Course")
    SEMINAR = "seminar", _("Seminar")
    FORUM = "forum", _("Forum")
    ROUNDTABLE = "roundtable", _("Roundtable")
    DIALOGUE = "dialogue", _("Dialogue")
    MEETING = "meeting", _("Meeting")
    EVENT = "event", _("Event")


# What a requester can ask the office to deliver through the contact form: trainings,
# not the office's own occasions (forum, meeting, event) or a dialogue between
# governments, which are not requested by an agency.
REQUESTABLE_KINDS = (WorkshopKind.WORKSHOP, WorkshopKind.COURSE, WorkshopKind.SEMINAR)


class WorkshopStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class DeliveryMode(models.TextChoices):
    VIRTUAL = "virtual", _("Virtual")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class PartnerRole(models.TextChoices):
    HOST = "host", _("Host")
    CO_HOST = "co_host", _("Co-host")
    IMPLEMENTING_PARTNER = "implementing_partner", _("Implementing partner")
    FUNDER = "funder", _("Funder")
    SUPPORTING = "supporting", _("Supporting")
