from django.db import models


class MemberStateKind(models.TextChoices):
    MEMBER = "member", "Member state"
    OBSERVER = "observer", "Observer"
    INTERNATIONAL_ORGANISATION = "international_organisation", "International organisation"


class OrganisationKind(models.TextChoices):
    GOVERNMENT_AGENCY = "government_agency", "Government agency"
    INTERNATIONAL_ORGANISATION = "international_organisation", "International organisation"
    TRAINING_CENTRE = "training_centre", "Training centre"
    NGO = "ngo", "NGO"
    DONOR = "donor", "Donor"
    ACADEMIC = "academic", "Academic or research institution"
    OTHER = "other", "Other"


class WorkshopKind(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    COURSE = "course", "Course"
    SEMINAR = "seminar", "Seminar"
    FORUM = "forum", "Forum"
    ROUNDTABLE = "roundtable", "Roundtable"
    DIALOGUE = "dialogue", "Dialogue"
    MEETING = "meeting", "Meeting"
    EVENT = "event", "Event"


class WorkshopStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    DELIVERED = "delivered", "Delivered"
    CANCELLED = "cancelled", "Cancelled"


class DeliveryMode(models.TextChoices):
    VIRTUAL = "virtual", "Virtual"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid"


class PartnerRole(models.TextChoices):
    HOST = "host", "Host"
    CO_HOST = "co_host", "Co-host"
    IMPLEMENTING_PARTNER = "implementing_partner", "Implementing partner"
    FUNDER = "funder", "Funder"
    SUPPORTING = "supporting", "Supporting"
