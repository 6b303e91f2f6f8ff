"""The facts of the seed documents (four news articles and "RSO Highlights" Issue 2,
Oct 2022) as plain data, for the demo loader.

Conventions:

- A fact the seeds state is written as stated. Where a row needs a value the seeds do
  not give (a date, a delivery mode, how a stated head count splits over countries), the
  value is chosen and a comment beside it says so ("chosen", "assumed", "invented").
- Where no year is stated, the year is the newsletter's, 2022.
- Every dated activity is past now and "delivered", also those the newsletter announced
  as upcoming (October to December 2022): a past event still "scheduled" would
  contradict the portal's own figures (issue 10). The seminar the Working Group only
  committed to develop stays a draft without days.
- Session times are not in the seeds and are left empty rather than invented.
- Organisations are referred to by a short key; member states by name.
"""

import datetime as dt

from participants.choices import RegistrationStatus
from publications.choices import FigureMeasure, PublicationKind
from workshops.choices import (
    DeliveryMode,
    MemberStateKind,
    OrganisationKind,
    PartnerRole,
    WorkshopKind,
    WorkshopStatus,
)

D = dt.date

# --- Reference data -------------------------------------------------------------------

# Bali Process members and observers the seeds name or imply (an agency of theirs takes
# part or presents), with ISO 3166-1 alpha-2 codes. The international organisations
# that are members of the Bali Process are listed too: the 2018 pilot counts
# "Member States, Organisations and Observers" together.
MEMBER_STATES = [
    ("Australia", MemberStateKind.MEMBER, "AU"),
    ("Bangladesh", MemberStateKind.MEMBER, "BD"),
    ("Cambodia", MemberStateKind.MEMBER, "KH"),
    ("Fiji", MemberStateKind.MEMBER, "FJ"),
    ("India", MemberStateKind.MEMBER, "IN"),
    ("Indonesia", MemberStateKind.MEMBER, "ID"),
    ("Malaysia", MemberStateKind.MEMBER, "MY"),
    ("Mongolia", MemberStateKind.MEMBER, "MN"),
    ("Nepal", MemberStateKind.MEMBER, "NP"),
    ("New Zealand", MemberStateKind.MEMBER, "NZ"),
    ("Pakistan", MemberStateKind.MEMBER, "PK"),
    ("Philippines", MemberStateKind.MEMBER, "PH"),
    ("Republic of Korea", MemberStateKind.MEMBER, "KR"),
    ("Sri Lanka", MemberStateKind.MEMBER, "LK"),
    ("Thailand", MemberStateKind.MEMBER, "TH"),
    ("Timor-Leste", MemberStateKind.MEMBER, "TL"),
    ("United States", MemberStateKind.MEMBER, "US"),
    ("Viet Nam", MemberStateKind.MEMBER, "VN"),
    ("Canada", MemberStateKind.OBSERVER, "CA"),
    ("International Organization for Migration", MemberStateKind.INTERNATIONAL_ORGANISATION, ""),
    (
        "United Nations High Commissioner for Refugees",
        MemberStateKind.INTERNATIONAL_ORGANISATION,
        "",
    ),
    (
        "United Nations Office on Drugs and Crime",
        MemberStateKind.INTERNATIONAL_ORGANISATION,
        "",
    ),
]

# The names of member states in the site's other languages (id, ms, vi, th), where
# they differ from the English one (empty falls back to English).
MEMBER_STATE_NAMES = {
    "Australia": {"vi": "Úc", "th": "ออสเตรเลีย"},
    "Bangladesh": {"th": "บังกลาเทศ"},
    "Cambodia": {"id": "Kamboja", "ms": "Kemboja", "vi": "Campuchia", "th": "กัมพูชา"},
    "Fiji": {"th": "ฟิจิ"},
    "India": {"vi": "Ấn Độ", "th": "อินเดีย"},
    "Indonesia": {"th": "อินโดนีเซีย"},
    "Malaysia": {"th": "มาเลเซีย"},
    "Mongolia": {"vi": "Mông Cổ", "th": "มองโกเลีย"},
    "Nepal": {"th": "เนปาล"},
    "New Zealand": {"id": "Selandia Baru", "th": "นิวซีแลนด์"},
    "Pakistan": {"th": "ปากีสถาน"},
    "Philippines": {"id": "Filipina", "ms": "Filipina", "th": "ฟิลิปปินส์"},
    "Republic of Korea": {
        "id": "Republik Korea",
        "ms": "Republik Korea",
        "vi": "Hàn Quốc",
        "th": "สาธารณรัฐเกาหลี",
    },
    "Sri Lanka": {"th": "ศรีลังกา"},
    "Thailand": {"vi": "Thái Lan", "th": "ไทย"},
    "Timor-Leste": {"vi": "Đông Timor", "th": "ติมอร์-เลสเต"},
    "United States": {
        "id": "Amerika Serikat",
        "ms": "Amerika Syarikat",
        "vi": "Hoa Kỳ",
        "th": "สหรัฐอเมริกา",
    },
    "Viet Nam": {"id": "Vietnam", "ms": "Vietnam", "vi": "Việt Nam", "th": "เวียดนาม"},
    "Canada": {"id": "Kanada", "ms": "Kanada", "th": "แคนาดา"},
    "International Organization for Migration": {
        "id": "Organisasi Internasional untuk Migrasi",
        "ms": "Pertubuhan Antarabangsa bagi Migrasi",
        "vi": "Tổ chức Di cư Quốc tế",
        "th": "องค์การระหว่างประเทศเพื่อการโยกย้ายถิ่นฐาน",
    },
    "United Nations High Commissioner for Refugees": {
        "id": "Komisariat Tinggi PBB untuk Pengungsi",
        "ms": "Pesuruhjaya Tinggi PBB bagi Pelarian",
        "vi": "Cao ủy Liên Hợp Quốc về Người tị nạn",
        "th": "สำนักงานข้าหลวงใหญ่ผู้ลี้ภัยแห่งสหประชาชาติ",
    },
    "United Nations Office on Drugs and Crime": {
        "id": "Kantor PBB urusan Narkoba dan Kejahatan",
        "ms": "Pejabat PBB mengenai Dadah dan Jenayah",
        "vi": "Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm",
        "th": "สำนักงานว่าด้วยยาเสพติดและอาชญากรรมแห่งสหประชาชาติ",
    },
}

GO = OrganisationKind.GOVERNMENT_AGENCY
IO = OrganisationKind.INTERNATIONAL_ORGANISATION

# key: (name, acronym, kind, member state or None, website)
ORGANISATIONS = {
    "RSO": (
        "Regional Support Office of the Bali Process",
        "RSO",
        IO,
        None,
        "https://www.baliprocess.net",
    ),
    "JCLEC": (
        "Jakarta Centre for Law Enforcement Cooperation",
        "JCLEC",
        OrganisationKind.TRAINING_CENTRE,
        "Indonesia",
        "",
    ),
    "IOM": ("International Organization for Migration", "IOM", IO, None, ""),
    "UNODC": ("United Nations Office on Drugs and Crime", "UNODC", IO, None, ""),
    "UNHCR": ("Office of the United Nations High Commissioner for Refugees", "UNHCR", IO, None, ""),
    "OHCHR": ("Office of the High Commissioner for Human Rights", "OHCHR", IO, None, ""),
    "INTERPOL": ("International Criminal Police Organization", "INTERPOL", IO, None, ""),
    "ICRC": ("International Committee of the Red Cross", "ICRC", IO, None, ""),
    "UNITAR_CIFAL": (
        "United Nations Institute for Training and Research – CIFAL",
        "UNITAR CIFAL",
        OrganisationKind.TRAINING_CENTRE,
        None,
        "",
    ),
    "NEXUS": ("NEXUS Institute", "", OrganisationKind.NGO, None, ""),
    "BLUE_DRAGON": ("Blue Dragon Foundation", "", OrganisationKind.NGO, None, ""),
    # The seeds write only "ASEAN-ACT"; the expanded name is the programme's own.
    "ASEAN_ACT": (
        "ASEAN-Australia Counter Trafficking",
        "ASEAN-ACT",
        OrganisationKind.OTHER,
        None,
        "",
    ),
    "AAPTIP": (
        "Australia-Asia Program to Combat Trafficking in Persons",
        "AAPTIP",
        OrganisationKind.OTHER,
        None,
        "",
    ),
    "ABF": ("Australian Border Force", "ABF", GO, "Australia", ""),
    "AFP": ("Australian Federal Police", "AFP", GO, "Australia", ""),
    "INP": ("Indonesian National Police", "INP", GO, "Indonesia", ""),
    "INDONESIAN_CID": ("Indonesian Criminal Investigation Agency", "", GO, "Indonesia", ""),
    # Not named in the seeds: the agency of the Indonesian immigration officials they
    # describe (2021 and 2022 workshops), needed as the demo participants' agency.
    "INDONESIAN_IMMIGRATION": (
        "Directorate General of Immigration (Indonesia)",
        "",
        GO,
        "Indonesia",
        "",
    ),
    "MALAYSIAN_IMMIGRATION": ("Malaysian Immigration Department", "", GO, "Malaysia", ""),
    "ROYAL_MALAYSIA_POLICE": ("Royal Malaysia Police", "", GO, "Malaysia", ""),
    "GOVERNMENT_OF_MALAYSIA": ("Government of Malaysia", "", GO, "Malaysia", ""),
    "RCMP": ("Royal Canadian Mounted Police", "RCMP", GO, "Canada", ""),
    "CBSA": ("Canada Border Services Agency", "CBSA", GO, "Canada", ""),
    "GOVERNMENT_OF_CANADA": ("Government of Canada", "", OrganisationKind.DONOR, "Canada", ""),
    "PPA": (
        "People's Police Academy of Viet Nam",
        "PPA",
        OrganisationKind.TRAINING_CENTRE,
        "Viet Nam",
        "",
    ),
    "VIET_NAM_JUDICIAL_AFFAIRS_COMMITTEE": (
        "Judicial Affairs Committee of the National Assembly of Viet Nam",
        "",
        GO,
        "Viet Nam",
        "",
    ),
    "THAILAND_DSI": ("Department of Special Investigation", "DSI", GO, "Thailand", ""),
    "FIJI_MINISTRY_OF_DEFENCE": (
        "Fiji Ministry of Defence, National Security and Policing",
        "",
        GO,
        "Fiji",
        "",
    ),
    "KOREAN_INSS": (
        "Korean Institute for National Security Strategy",
        "",
        OrganisationKind.ACADEMIC,
        "Republic of Korea",
        "",
    ),
    "US_DHS": ("US Department of Homeland Security", "DHS", GO, "United States", ""),
    "UNIVERSITY_OF_ESSEX": ("University of Essex", "", OrganisationKind.ACADEMIC, None, ""),
}

# slug: (name, description)
THEMATIC_AREAS = {
    "trafficking-in-persons": (
        "Trafficking in persons",
        "Preventing and responding to trafficking in persons, from identification to prosecution.",
    ),
    "people-smuggling": (
        "People smuggling",
        "Detecting, investigating and prosecuting the smuggling of migrants by land, sea and air.",
    ),
    "victim-identification-and-protection": (
        "Victim identification and protection",
        "Identifying victims, victim-centred approaches, protection, support, recovery "
        "and reintegration.",
    ),
    "information-sharing": (
        "Information sharing",
        "Sharing information and intelligence across borders and agencies.",
    ),
    "border-management": (
        "Border management",
        "Border control at land, sea and air borders, including airline liaison.",
    ),
    "irregular-migration": (
        "Irregular migration",
        "Managing irregular migration: protection of migrants, return, readmission and "
        "alternatives to detention.",
    ),
    "digital-technologies-and-innovation": (
        "Digital technologies and innovation",
        "How technology is used in these crimes and how it can help prevent, disrupt and "
        "investigate them.",
    ),
}

# The thematic areas' names in the site's other languages, in the terms of
# locale/README.md.
THEMATIC_AREA_NAMES = {
    "trafficking-in-persons": {
        "id": "Perdagangan orang",
        "ms": "Pemerdagangan orang",
        "vi": "Mua bán người",
        "th": "การค้ามนุษย์",
    },
    "people-smuggling": {
        "id": "Penyelundupan manusia",
        "ms": "Penyeludupan migran",
        "vi": "Đưa người di cư trái phép",
        "th": "การลักลอบขนผู้ย้ายถิ่น",
    },
    "victim-identification-and-protection": {
        "id": "Identifikasi dan perlindungan korban",
        "ms": "Pengenalpastian dan perlindungan mangsa",
        "vi": "Nhận diện và bảo vệ nạn nhân",
        "th": "การคัดแยกและคุ้มครองผู้เสียหาย",
    },
    "information-sharing": {
        "id": "Berbagi informasi",
        "ms": "Perkongsian maklumat",
        "vi": "Chia sẻ thông tin",
        "th": "การแบ่งปันข้อมูล",
    },
    "border-management": {
        "id": "Pengelolaan perbatasan",
        "ms": "Pengurusan sempadan",
        "vi": "Quản lý biên giới",
        "th": "การบริหารจัดการชายแดน",
    },
    "irregular-migration": {
        "id": "Migrasi ireguler",
        "ms": "Migrasi tidak teratur",
        "vi": "Di cư không thường xuyên",
        "th": "การย้ายถิ่นที่ไม่ปกติ",
    },
    "digital-technologies-and-innovation": {
        "id": "Teknologi digital dan inovasi",
        "ms": "Teknologi digital dan inovasi",
        "vi": "Công nghệ số và đổi mới sáng tạo",
        "th": "เทคโนโลยีดิจิทัลและนวัตกรรม",
    },
}

# name: (honorific, position, organisation key). Positions as the seeds print them.
SPEAKERS = {
    # The newsletter places her at IOM Thailand ("subject matter experts from ... IOM
    # Thailand"); the article says "Counter-Trafficking Program Officer at IOM".
    "Among Resi": ("Ms.", "Counter-Trafficking Program Officer", "IOM"),
    "Wendy MacDonald": ("Ms.", "ABF Inspector, First Secretary Airline Liaison", "ABF"),
    "Aby Nursentyanto": ("General", "INP Executive Director of JCLEC", "JCLEC"),
    # Thanked in both JCLEC articles; no session of his is described.
    "Greg Davis": ("Federal Agent", "AFP Executive Director of Programs of JCLEC", "JCLEC"),
    # "Pak" is the Indonesian honorific the article uses; his rank is not given.
    "Agus Widedo": ("Pak", "Anti-People Smuggling Unit", "INDONESIAN_CID"),
}

# --- Workshops and events ------------------------------------------------------------

# Registration statuses used by participant groups.
COMPLETED = RegistrationStatus.COMPLETED
ATTENDED = RegistrationStatus.ATTENDED
CONFIRMED = RegistrationStatus.CONFIRMED
NOMINATED = RegistrationStatus.NOMINATED


def _group(
    count, state, agency=None, *, status=COMPLETED, position="", present_on_days=None, first=None
):
    """Demo participants: `count` people of one member state and agency, one status.

    present_on_days: 1-based days present (default: every day) for attended/completed
    registrations; upcoming workshops have no attendance.
    first: the number of the group's first person, and of the groups after it in the
    workshop (default: the next number in seed order).
    """
    return {
        "first": first,
        "count": count,
        "state": state,
        "agency": agency,
        "status": status,
        "position": position,
        "present_on_days": present_on_days,
    }


def _session(day, title, description="", speakers=()):
    return {"day": day, "title": title, "description": description, "speakers": list(speakers)}


# Workshop keys used below by articles, newsletter sections, publications, testimonials.
MALAYSIA_2022 = "addressing-people-smuggling-and-trafficking-in-persons-malaysia-2022"
VICTIMS_2022 = "identifying-and-protecting-victims-of-trafficking-2022"
SMUGGLING_2021 = "countering-the-smuggling-of-migrants-2021"
INFO_SHARING_2018 = "pilot-training-workshop-information-sharing-2018"
ANNIVERSARY_DIALOGUE = "bali-process-20th-anniversary-dialogue-2022"
IOM_DIALOGUE = "regional-dialogue-migrant-protection-2022"
INP_COURSE = "pilot-course-trafficking-in-persons-front-line-border-officials-2022"
COURSE_3P = "intensive-course-human-trafficking-3p-paradigm-2022"
PPA_BASIC = "basic-course-combatting-trafficking-in-persons-ppa-2022"
PPA_ADVANCED = "advanced-course-combatting-human-trafficking-ppa-2022"
FIJI_NRM = "fiji-national-referral-mechanism-workshop-2022"
VIET_NAM_ROUNDTABLE = "viet-nam-roundtable-people-smuggling-2022"
OHCHR_MEETING = "expert-group-meeting-human-rights-at-international-borders-2022"
TIP_SEMINAR = "seminar-criminalising-investigating-prosecuting-trafficking-in-persons"
REGIONAL_SMUGGLING = "regional-workshop-combatting-people-smuggling-2022"
SMUGGLING_NOV_2022 = "workshop-combatting-people-smuggling-november-2022"
AIR_BORDER = "border-management-by-air-workshop-2022"
BORDER_FORUM = "rso-10th-anniversary-border-forum-2022"
MEMBERS_FUNCTION = "rso-2022-members-engagement-function"

WORKSHOPS = [
    {
        "slug": MALAYSIA_2022,
        "title": "Virtual Training Workshop on Addressing People Smuggling and Trafficking "
        "in Persons",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.VIRTUAL,
        "platform": "",  # not stated
        "timezone": "Asia/Kuala_Lumpur",
        # "On Monday, 18 July and Wednesday, 20 July": two days, not consecutive.
        "days": [D(2022, 7, 18), D(2022, 7, 20)],
        "summary": "A two-day virtual workshop for 23 officials of the Malaysian Immigration "
        "Department on detecting and responding to people smuggling and trafficking in "
        "persons, with a victim-centred approach throughout.",
        "description": "The virtual workshop aimed to equip operational level officers who "
        "are responsible for managing travelers at borders with the knowledge and skills "
        "required to better detect and respond to incidents of people smuggling and "
        "trafficking in persons.\n\n"
        "The RSO facilitated the first day, introducing trafficking in persons and people "
        "smuggling and the differences between them, with group exercises on case studies "
        "and on the identification and screening challenges the Malaysian Immigration "
        "Department faces. The second day included presentations from the RSO, the "
        "International Organization for Migration (IOM) and the Australian Border Force "
        "(ABF).\n\n"
        "A new self-delivered programme for the RSO.",
        "thematic_areas": [
            "trafficking-in-persons",
            "people-smuggling",
            "victim-identification-and-protection",
            "border-management",
        ],
        "target_member_states": ["Malaysia"],
        "target_agencies": ["MALAYSIAN_IMMIGRATION"],
        # The newsletter: "supported by subject matter experts from the Australian Border
        # Force and IOM Thailand".
        "partners": [("ABF", PartnerRole.SUPPORTING), ("IOM", PartnerRole.SUPPORTING)],
        "sessions": [
            _session(
                1,
                "Trafficking in Persons & Smuggling of Migrants",
                "Facilitated by the RSO: the two crimes and the differences between them, with "
                "case-study exercises on the elements of each crime.",
            ),
            _session(
                1,
                "Identification and Screening of Vulnerable Persons",
                "Facilitated by the RSO: a discussion of the identification and screening "
                "challenges faced by the Malaysian Immigration Department.",
            ),
            _session(
                2,
                "Victim-Centered Approaches",
                "Victim-centered approaches in trafficking investigations: experiences in "
                "dealing with victims and lessons learned.",
                ["Among Resi"],
            ),
            _session(
                2,
                "People Smuggling by Air Trends and Best Practice Responses",
                "The Australian Airline Liaison Program and current people smuggling trends "
                "in the aviation stream.",
                ["Wendy MacDonald"],
            ),
            _session(
                2,
                "Key Considerations when Investigating People Smuggling and Trafficking in Persons",
            ),
            _session(2, "International Cooperation"),
        ],
        # The article says "23 officials"; the newsletter says "twenty-two Immigration
        # Officers gaining essential knowledge and skills". Both hold if 23 took part and
        # 22 completed: the 23rd is "attended", present on the first day only.
        "participants": [
            _group(22, "Malaysia", "MALAYSIAN_IMMIGRATION", position="Immigration Officer"),
            _group(
                1,
                "Malaysia",
                "MALAYSIAN_IMMIGRATION",
                status=ATTENDED,
                position="Immigration Officer",
                present_on_days=[1],
            ),
        ],
        "demo_trainer": True,
    },
    {
        "slug": VICTIMS_2022,
        "title": "Virtual Training Workshop on Identifying and Protecting Victims of "
        "Trafficking in Persons",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.VIRTUAL,
        "platform": "Zoom, through JCLEC’s Online Delivery Model (ODM)",
        "timezone": "Asia/Jakarta",
        "days": [D(2022, 4, 6)],
        "has_interpretation": True,  # the article thanks "JCLEC staff and interpreters"
        "summary": "A virtual workshop with JCLEC for 16 law enforcement and immigration "
        "officials from Indonesia and Malaysia on trafficking victim identification and "
        "protection in practice.",
        "description": "The workshop focused on increasing participant understanding on "
        "trafficking victim identification and protection in practice; why identification, "
        "protection and support is important in supporting victim recovery and "
        "reintegration; and the structural and institutional barriers faced by "
        "practitioners and how to address them.\n\n"
        "Delivered within the framework of the Practitioner Guides on Trafficking Victim "
        "Identification and Victim Protection and Support, developed by the NEXUS Institute "
        "in partnership with the RSO.",
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "target_member_states": ["Indonesia", "Malaysia"],
        "target_agencies": [
            "INP",
            "INDONESIAN_IMMIGRATION",
            "ROYAL_MALAYSIA_POLICE",
            "MALAYSIAN_IMMIGRATION",
        ],
        "partners": [("JCLEC", PartnerRole.CO_HOST)],
        "sessions": [
            _session(1, "Understanding Trafficking Victim Identification"),
            _session(1, "Trafficking Victim Protection and Support"),
            _session(
                1, "Challenges Relating to Identification and Protection of Trafficking Victims"
            ),
        ],
        # "16 law enforcement and immigration officials from Indonesia and Malaysia": the
        # even split over countries and agencies is invented.
        "participants": [
            _group(4, "Indonesia", "INP", position="Police Officer"),
            _group(4, "Indonesia", "INDONESIAN_IMMIGRATION", position="Immigration Officer"),
            _group(4, "Malaysia", "ROYAL_MALAYSIA_POLICE", position="Police Officer"),
            _group(4, "Malaysia", "MALAYSIAN_IMMIGRATION", position="Immigration Officer"),
        ],
    },
    {
        "slug": SMUGGLING_2021,
        "title": "Virtual Training Workshop on Countering the Smuggling of Migrants",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.VIRTUAL,
        "platform": "Zoom, through JCLEC’s Online Delivery Model (ODM)",
        "timezone": "Asia/Jakarta",
        "days": [D(2021, 7, 27)],  # "On July 27th", in an article of 17 August 2021
        "has_interpretation": True,
        "summary": "A virtual workshop with JCLEC for 24 immigration officials from Malaysia "
        "and Indonesia on understanding migrant smuggling and improving responses to it.",
        "description": "As front-line officials, immigration and border control officers have "
        "an increased chance of encountering cases of migrant smuggling. This, combined with "
        "the increased demand for smuggling services – due to heightened border controls to "
        "prevent spread of the Covid-19 pandemic – led to the formation of this workshop.\n\n"
        "Four sessions gave immigration officers stationed across various provinces in "
        "Malaysia and Indonesia the knowledge and skills required to better understand the "
        "crime and improve responses to migrant smuggling cases.",
        "thematic_areas": ["people-smuggling"],
        "target_member_states": ["Indonesia", "Malaysia"],
        "target_agencies": ["INDONESIAN_IMMIGRATION", "MALAYSIAN_IMMIGRATION"],
        "partners": [("JCLEC", PartnerRole.CO_HOST)],
        # "four sessions": the article describes Pak Agus Widedo's session, the RSO's
        # explanation of the differences between the crimes "and the challenges of
        # prosecuting", and General Aby Nursentyanto's session; the RSO's part is read as
        # two sessions. Titles are paraphrases of the article.
        "sessions": [
            _session(
                1,
                "Current Trends and Techniques to Counter People Smuggling",
                "Current trends, information and techniques to counter people smuggling.",
                ["Agus Widedo"],
            ),
            _session(
                1,
                "Differences between Smuggling of Migrants and Trafficking in Persons",
                "Delivered by the RSO.",
            ),
            _session(
                1, "Challenges of Prosecuting Migrant Smuggling Cases", "Delivered by the RSO."
            ),
            _session(
                1,
                "The Importance of International Cooperation in Combatting Migrant Smuggling",
                speakers=["Aby Nursentyanto"],
            ),
        ],
        # "24 Immigration Officials from Malaysia and Indonesia": the split is invented.
        "participants": [
            _group(12, "Malaysia", "MALAYSIAN_IMMIGRATION", position="Immigration Officer"),
            _group(12, "Indonesia", "INDONESIAN_IMMIGRATION", position="Immigration Officer"),
        ],
    },
    {
        "slug": INFO_SHARING_2018,
        "title": "Pilot Training Workshop on Information Sharing to Address People Smuggling, "
        "Trafficking in Persons and Related Transnational Crime",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "city": "Jakarta",
        "country": "Indonesia",
        "timezone": "Asia/Jakarta",
        "days": [D(2018, 5, 3), D(2018, 5, 4)],
        "summary": "A pilot training workshop in Jakarta on information sharing to address "
        "people smuggling and trafficking in persons, for 24 participants from thirteen Bali "
        "Process Member States, Organisations and Observers.",
        "description": "Part of a Canadian Government-funded project to increase information "
        "sharing between Bali Process Member States. The workshop looked at information "
        "sharing in the context of people smuggling and trafficking in persons and provided "
        "tools for strengthening information exchange: shared principles and a step-by-step "
        "guide to requesting information. Scenario-based elements let participants explore "
        "different perspectives of an information exchange in a fictionalised trafficking in "
        "persons case.\n\n"
        "Presentations from AAPTIP, the Royal Canadian Mounted Police, the Canada Border "
        "Services Agency, the Royal Malaysia Police and UNODC.",
        "thematic_areas": ["information-sharing", "people-smuggling", "trafficking-in-persons"],
        "partners": [
            ("JCLEC", PartnerRole.CO_HOST),
            ("GOVERNMENT_OF_CANADA", PartnerRole.FUNDER),
            # The presenters' organisations.
            ("AAPTIP", PartnerRole.SUPPORTING),
            ("RCMP", PartnerRole.SUPPORTING),
            ("CBSA", PartnerRole.SUPPORTING),
            ("ROYAL_MALAYSIA_POLICE", PartnerRole.SUPPORTING),
            ("UNODC", PartnerRole.SUPPORTING),
        ],
        # "Twenty-four participants from thirteen Bali Process Member States, Organisations
        # and Observers ... from law enforcement, border management and immigration
        # agencies". Which thirteen, and how many each, is invented; agencies are not
        # given, so none is set.
        "participants": [
            _group(3, "Indonesia", position="Law enforcement official"),
            _group(2, "Malaysia", position="Immigration official"),
            _group(2, "Thailand", position="Border management official"),
            _group(2, "Viet Nam", position="Law enforcement official"),
            _group(2, "Philippines", position="Immigration official"),
            _group(2, "Sri Lanka", position="Border management official"),
            _group(2, "Cambodia", position="Law enforcement official"),
            _group(2, "Bangladesh", position="Immigration official"),
            _group(2, "Pakistan", position="Law enforcement official"),
            _group(1, "Timor-Leste", position="Border management official"),
            _group(2, "Australia", position="Law enforcement official"),
            _group(1, "New Zealand", position="Immigration official"),
            _group(1, "International Organization for Migration", "IOM"),
        ],
    },
    {
        "slug": ANNIVERSARY_DIALOGUE,
        "title": "Bali Process 20th Anniversary Constructive Dialogue",
        "kind": WorkshopKind.DIALOGUE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "city": "Bangkok",
        "country": "Thailand",
        "timezone": "Asia/Bangkok",
        # "The two-day dialogue": the dates are not given. Two days chosen inside the
        # newsletter's period (July–October 2022), before its issue date.
        "days": [D(2022, 9, 13), D(2022, 9, 14)],
        "summary": "A two-day dialogue hosted by the RSO in Bangkok to celebrate 20 years of "
        "the Bali Process, bringing 104 attendees from Member States together in one place "
        "for the first time since the pandemic.",
        "description": "Attendees discussed shared concerns around irregular migratory "
        "challenges, how best to facilitate international cooperation through the Bali "
        "Process, and provided feedback to assist the RSO on future activities.\n\n"
        "Shared concerns and areas of focus included the need for strengthened border "
        "management systems, the challenges of people smuggling by sea and air, evolving "
        "irregular migration and trafficking in persons trends in the region, the growing "
        "role played by technology, the need to address corruption, strengthen the justice "
        "sector and develop effective public awareness and information campaigns.",
        "thematic_areas": [
            "irregular-migration",
            "border-management",
            "people-smuggling",
            "trafficking-in-persons",
            "digital-technologies-and-innovation",
        ],
        # "104 attendees from across the Bali Process' geographical landscape": the spread
        # over members, observers and organisations is invented. A dialogue has no
        # completion, so attendees are "attended".
        "participants": [
            _group(16, "Thailand", status=ATTENDED, position="Delegate"),
            _group(7, "Australia", status=ATTENDED, position="Delegate"),
            _group(7, "Indonesia", status=ATTENDED, position="Delegate"),
            _group(7, "Malaysia", status=ATTENDED, position="Delegate"),
            _group(6, "Viet Nam", status=ATTENDED, position="Delegate"),
            _group(5, "Philippines", status=ATTENDED, position="Delegate"),
            _group(5, "Cambodia", status=ATTENDED, position="Delegate"),
            _group(4, "Sri Lanka", status=ATTENDED, position="Delegate"),
            _group(4, "Bangladesh", status=ATTENDED, position="Delegate"),
            _group(4, "Pakistan", status=ATTENDED, position="Delegate"),
            _group(4, "India", status=ATTENDED, position="Delegate"),
            _group(4, "Nepal", status=ATTENDED, position="Delegate"),
            _group(4, "Timor-Leste", status=ATTENDED, position="Delegate"),
            _group(4, "New Zealand", status=ATTENDED, position="Delegate"),
            _group(3, "Fiji", status=ATTENDED, position="Delegate"),
            _group(3, "Mongolia", status=ATTENDED, position="Delegate"),
            _group(3, "Republic of Korea", status=ATTENDED, position="Delegate"),
            _group(3, "United States", status=ATTENDED, position="Delegate"),
            _group(2, "Canada", status=ATTENDED, position="Delegate"),
            _group(3, "International Organization for Migration", "IOM", status=ATTENDED),
            _group(3, "United Nations High Commissioner for Refugees", "UNHCR", status=ATTENDED),
            _group(3, "United Nations Office on Drugs and Crime", "UNODC", status=ATTENDED),
        ],
    },
    {
        "slug": IOM_DIALOGUE,
        "title": "Regional Dialogue on Partnership and Cooperation on Migrant Protection",
        "kind": WorkshopKind.DIALOGUE,
        "status": WorkshopStatus.DELIVERED,
        # Neither mode nor place is stated; in person is assumed (delegations "engaged in
        # discussions"), the place left empty.
        "delivery_mode": DeliveryMode.IN_PERSON,
        "timezone": "Asia/Bangkok",
        # "in September ... On the final day": more than one day, dates not given. Two
        # days chosen.
        "days": [D(2022, 9, 21), D(2022, 9, 22)],
        "summary": "A regional dialogue hosted by IOM and funded by the RSO that brought "
        "together government officials from Indonesia, Malaysia and Thailand on safe, "
        "orderly and regular migration and protecting migrants' rights.",
        "description": "Attendees identified priorities around strengthening access to "
        "protection services for migrants, reinforcing legal frameworks for counter-smuggling "
        "and trafficking, identifying pathways for dignified return and readmission, and "
        "implementing alternatives to immigration detention.\n\n"
        "A key outcome for the Dialogue on the Management of Irregular Migration in "
        "South-East Asia (DIMM).",
        "thematic_areas": ["irregular-migration", "people-smuggling", "trafficking-in-persons"],
        "target_member_states": ["Indonesia", "Malaysia", "Thailand"],
        "partners": [("IOM", PartnerRole.HOST), ("RSO", PartnerRole.FUNDER)],
        # Not stated: invented so that the newsletter's period (July to October 2022)
        # counts the "313 people trained" it prints (see NEWSLETTER_ISSUE); numbered from
        # 5001 so that demo participants loaded before keep their numbers.
        "participants": [
            _group(10, "Indonesia", status=ATTENDED, position="Government official", first=5001),
            _group(10, "Malaysia", status=ATTENDED, position="Government official"),
            _group(10, "Thailand", status=ATTENDED, position="Government official"),
        ],
    },
    {
        "slug": INP_COURSE,
        "title": "Pilot Course on Trafficking in Persons for Front-line Border Officials",
        "kind": WorkshopKind.COURSE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,  # "In-person training returns"
        # Where it was held is not stated; Indonesia is inferred from the audience.
        "country": "Indonesia",
        "timezone": "Asia/Jakarta",
        # "A week-long pilot course": dates not given. A Monday-to-Friday week chosen
        # inside the newsletter's period.
        "days": [D(2022, 8, 1), D(2022, 8, 2), D(2022, 8, 3), D(2022, 8, 4), D(2022, 8, 5)],
        "summary": "A week-long pilot course on trafficking in persons for 24 officials of "
        "the Indonesian National Police stationed at borders across the provinces of "
        "Indonesia.",
        "description": "Topics ranged from supporting and protecting victims of trafficking in "
        "persons, to the development of risk assessments in the management of trafficking in "
        "persons cases, to crime scene investigation and securing evidence. The RSO piloted a "
        "new curriculum for Front-line Border Officials, developed in 2021. Training was "
        "delivered with support from the Australian Federal Police.\n\n"
        "Follow-up with participants is planned in the new year to evaluate the impact of "
        "the training on their work.",
        "thematic_areas": [
            "trafficking-in-persons",
            "victim-identification-and-protection",
            "border-management",
        ],
        "target_member_states": ["Indonesia"],
        "target_agencies": ["INP"],
        "partners": [("AFP", PartnerRole.SUPPORTING)],
        "participants": [_group(24, "Indonesia", "INP", position="Border Police Officer")],
    },
    {
        "slug": COURSE_3P,
        "title": "Intensive Course on Measures to Address Human Trafficking: the 3P Paradigm",
        "kind": WorkshopKind.COURSE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.VIRTUAL,
        "platform": "Gather",
        "timezone": "Asia/Bangkok",
        # "four-day": dates not given. Four days chosen inside the newsletter's period.
        "days": [D(2022, 8, 15), D(2022, 8, 16), D(2022, 8, 17), D(2022, 8, 18)],
        "summary": "A four-day intensive course for 54 participants from 15 Bali Process "
        "Member States across the pillars of anti-trafficking efforts: prevention, "
        "protection, prosecution and partnerships.",
        "description": "Each day was dedicated to a different pillar and combined lectures, "
        "group discussion, case study presentations and action-planning. 14 subject-matter "
        "experts from IOM Iraq, the Korean Institute for National Security Strategy, "
        "ASEAN-ACT, the Blue Dragon Foundation, the US Department of Homeland Security, "
        "UNODC Center for Excellence, ICRC and the RSO delivered the training, in "
        "partnership with UNITAR CIFAL, on the interactive platform Gather to enable wide "
        "attendance amid restrictions on travel.\n\n"
        "Participants submitted a trend and SWOT analysis of their country or "
        "organisation's policy and strategy; selected participants from the Philippines, "
        "Nepal, New Zealand, India and Cambodia presented their case studies.",
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "target_member_states": [
            "Philippines",
            "Nepal",
            "New Zealand",
            "India",
            "Cambodia",
            "Indonesia",
            "Malaysia",
            "Thailand",
            "Viet Nam",
            "Sri Lanka",
            "Bangladesh",
            "Pakistan",
            "Timor-Leste",
            "Mongolia",
            "Fiji",
        ],
        "partners": [
            ("UNITAR_CIFAL", PartnerRole.IMPLEMENTING_PARTNER),
            # The subject-matter experts' organisations.
            ("IOM", PartnerRole.SUPPORTING),
            ("KOREAN_INSS", PartnerRole.SUPPORTING),
            ("ASEAN_ACT", PartnerRole.SUPPORTING),
            ("BLUE_DRAGON", PartnerRole.SUPPORTING),
            ("US_DHS", PartnerRole.SUPPORTING),
            ("UNODC", PartnerRole.SUPPORTING),
            ("ICRC", PartnerRole.SUPPORTING),
        ],
        # "Each day was dedicated to a different pillar"; the pillars' order is the one
        # the newsletter lists them in.
        "sessions": [
            _session(1, "Prevention"),
            _session(2, "Protection"),
            _session(3, "Prosecution"),
            _session(4, "Partnerships"),
        ],
        # "54 participants from 15 Bali Process Member States": five states are named (case
        # study presenters); the other ten and the spread over all fifteen are invented.
        "participants": [
            _group(4, "Philippines"),
            _group(4, "Nepal"),
            _group(4, "New Zealand"),
            _group(4, "India"),
            _group(4, "Cambodia"),
            _group(4, "Indonesia"),
            _group(4, "Malaysia"),
            _group(4, "Thailand"),
            _group(4, "Viet Nam"),
            _group(3, "Sri Lanka"),
            _group(3, "Bangladesh"),
            _group(3, "Pakistan"),
            _group(3, "Timor-Leste"),
            _group(3, "Mongolia"),
            _group(3, "Fiji"),
        ],
        "demo_trainer": True,
    },
    {
        "slug": PPA_BASIC,
        "title": "Basic Course on Combatting Trafficking in Persons",
        "kind": WorkshopKind.COURSE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.HYBRID,
        "venue": "People's Police Academy of Viet Nam",
        # The academy is in Hanoi; the seed names the academy only.
        "city": "Hanoi",
        "country": "Viet Nam",
        "timezone": "Asia/Ho_Chi_Minh",
        "days": [D(2022, 8, 27), D(2022, 8, 28)],
        "summary": "A hybrid course for cadets of the People's Police Academy of Viet Nam on "
        "identifying and protecting victims of trafficking and supporting them in the "
        "criminal justice system.",
        "description": "The course enhances cadets' understanding of how to identify and "
        "protect victims of trafficking, and support victims in the criminal justice system "
        "to prosecute traffickers. An advanced course follows in November.",
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "target_member_states": ["Viet Nam"],
        "target_agencies": ["PPA"],
        "partners": [("PPA", PartnerRole.HOST)],
        # Not stated: invented so that the newsletter's period (July to October 2022)
        # counts the "313 people trained" it prints (see NEWSLETTER_ISSUE); numbered from
        # 5031 so that demo participants loaded before keep their numbers.
        "participants": [_group(40, "Viet Nam", "PPA", position="Cadet", first=5031)],
    },
    {
        "slug": FIJI_NRM,
        "title": "Human Trafficking – National Referral Mechanism Workshop",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,  # not stated: assumed
        "country": "Fiji",
        "timezone": "Pacific/Fiji",
        "days": [D(2022, 8, 10)],  # not stated: one day chosen in the newsletter's period
        "summary": "A workshop of the Fiji Ministry of Defence, National Security and "
        "Policing at which the RSO provided recommendations on developing migrant referral "
        "mechanisms to State agencies and civil society partners.",
        "description": "Development of a national referral mechanism is a key strategy "
        "outlined in Fiji's National Anti-Human Trafficking Strategy for 2021-2026.",
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "target_member_states": ["Fiji"],
        "target_agencies": ["FIJI_MINISTRY_OF_DEFENCE"],
        "partners": [("FIJI_MINISTRY_OF_DEFENCE", PartnerRole.HOST)],
        # Not stated: invented so that the newsletter's period (July to October 2022)
        # counts the "313 people trained" it prints (see NEWSLETTER_ISSUE); numbered from
        # 5071 so that demo participants loaded before keep their numbers.
        "participants": [
            _group(
                18,
                "Fiji",
                "FIJI_MINISTRY_OF_DEFENCE",
                status=ATTENDED,
                position="Official",
                first=5071,
            )
        ],
    },
    {
        "slug": VIET_NAM_ROUNDTABLE,
        "title": "Roundtable with Viet Nam on Strengthening the Response to People Smuggling",
        "kind": WorkshopKind.ROUNDTABLE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,  # not stated: assumed
        "country": "Viet Nam",
        "timezone": "Asia/Ho_Chi_Minh",
        "days": [D(2022, 9, 29)],  # not stated: one day chosen in the newsletter's period
        "summary": "A roundtable hosted by the RSO and UNODC with the Viet Nam National "
        "Assembly's Judicial Affairs Committee, to support Viet Nam's capacity to respond to "
        "people smuggling.",
        "description": "The roundtable outlined the international legal framework on "
        "smuggling of migrants and its key obligations, as Viet Nam moves towards joining the "
        "150 States that have adopted the Smuggling of Migrants Protocol.",
        "thematic_areas": ["people-smuggling"],
        "target_member_states": ["Viet Nam"],
        "target_agencies": ["VIET_NAM_JUDICIAL_AFFAIRS_COMMITTEE"],
        "partners": [("UNODC", PartnerRole.CO_HOST)],
        # Not stated: invented so that the newsletter's period (July to October 2022)
        # counts the "313 people trained" it prints (see NEWSLETTER_ISSUE); numbered from
        # 5089 so that demo participants loaded before keep their numbers.
        "participants": [
            _group(
                20,
                "Viet Nam",
                "VIET_NAM_JUDICIAL_AFFAIRS_COMMITTEE",
                status=ATTENDED,
                position="Committee member",
                first=5089,
            )
        ],
    },
    {
        "slug": OHCHR_MEETING,
        "title": "Expert Group Meeting on the Recommended Principles and Guidelines on Human "
        "Rights at International Borders",
        "kind": WorkshopKind.MEETING,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,  # not stated: assumed
        "timezone": "Europe/London",  # co-convened by the University of Essex: assumed
        "days": [D(2022, 6, 23)],  # "in June 2022": the day is chosen
        "summary": "An expert group meeting convened by OHCHR and the University of Essex, "
        "to which the RSO contributed, on updating the 2014 OHCHR Recommended Principles and "
        "Guidelines on Human Rights at International Borders.",
        "description": "The meeting took into account the increasing reliance on new and "
        "emerging technologies in border governance.",
        "thematic_areas": ["border-management", "digital-technologies-and-innovation"],
        "partners": [
            ("OHCHR", PartnerRole.HOST),
            ("UNIVERSITY_OF_ESSEX", PartnerRole.CO_HOST),
        ],
    },
    {
        # Announced, not scheduled: "committed ... to develop a new seminar". A draft with
        # no days, so it stays off the public pages.
        "slug": TIP_SEMINAR,
        "title": "Seminar on Criminalising, Investigating and Prosecuting Trafficking in Persons",
        "kind": WorkshopKind.SEMINAR,
        "status": WorkshopStatus.DRAFT,
        "delivery_mode": DeliveryMode.IN_PERSON,  # not stated: assumed
        "timezone": "Asia/Bangkok",
        "days": [],
        "summary": "A new seminar, developed with the Government of Malaysia, on "
        "criminalising, investigating and prosecuting trafficking in persons, with a focus on "
        "the role technology can play.",
        "description": "Committed by the Bali Process Working Group on Trafficking in Persons "
        "at its annual meeting in August 2022; the first activity of a longer-term programme "
        "of work to build capacity in this area.",
        "thematic_areas": ["trafficking-in-persons", "digital-technologies-and-innovation"],
        "partners": [("GOVERNMENT_OF_MALAYSIA", PartnerRole.CO_HOST)],
    },
    # Upcoming at the time of the newsletter (Oct 2022), delivered since. Delivery modes
    # are not stated; in person is assumed (the newsletter: "In-person training returns").
    {
        "slug": REGIONAL_SMUGGLING,
        "title": "Regional Workshop on Combatting People Smuggling",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "timezone": "Asia/Bangkok",
        "days": [D(2022, 10, 31), D(2022, 11, 1), D(2022, 11, 2), D(2022, 11, 3), D(2022, 11, 4)],
        "summary": "A regional workshop on combatting people smuggling for participants from "
        "Indonesia, Malaysia, Timor-Leste and Sri Lanka.",
        "thematic_areas": ["people-smuggling"],
        "target_member_states": ["Indonesia", "Malaysia", "Timor-Leste", "Sri Lanka"],
        # Nominations are invented (the seed gives the countries, not a number) so that
        # the demo trainer has a workshop whose roll call is still to be taken; agencies
        # are not given.
        "participants": [
            _group(3, "Indonesia", status=CONFIRMED),
            _group(1, "Indonesia", status=NOMINATED),
            _group(3, "Malaysia", status=CONFIRMED),
            _group(1, "Malaysia", status=NOMINATED),
            _group(3, "Timor-Leste", status=CONFIRMED),
            _group(1, "Timor-Leste", status=NOMINATED),
            _group(3, "Sri Lanka", status=CONFIRMED),
            _group(1, "Sri Lanka", status=NOMINATED),
        ],
        "demo_trainer": True,
    },
    {
        "slug": PPA_ADVANCED,
        "title": "Advanced Course on Combatting Human Trafficking",
        "kind": WorkshopKind.COURSE,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "venue": "People's Police Academy of Viet Nam",
        "city": "Hanoi",
        "country": "Viet Nam",
        "timezone": "Asia/Ho_Chi_Minh",
        "days": [D(2022, 11, 10), D(2022, 11, 11)],
        "summary": "An advanced course on combatting human trafficking at the People's Police "
        "Academy of Viet Nam, following the August basic course.",
        "thematic_areas": ["trafficking-in-persons"],
        "target_member_states": ["Viet Nam"],
        "target_agencies": ["PPA"],
        "partners": [("PPA", PartnerRole.HOST)],
    },
    {
        "slug": SMUGGLING_NOV_2022,
        "title": "Workshop on Combatting People Smuggling",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "timezone": "Asia/Bangkok",
        "days": [
            D(2022, 11, 21),
            D(2022, 11, 22),
            D(2022, 11, 23),
            D(2022, 11, 24),
            D(2022, 11, 25),
        ],
        "summary": "A workshop on combatting people smuggling.",
        "thematic_areas": ["people-smuggling"],
    },
    {
        "slug": AIR_BORDER,
        "title": "Border Management by Air Workshop",
        "kind": WorkshopKind.WORKSHOP,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "timezone": "Asia/Bangkok",
        "days": [
            D(2022, 12, 12),
            D(2022, 12, 13),
            D(2022, 12, 14),
            D(2022, 12, 15),
            D(2022, 12, 16),
        ],
        "summary": "A workshop on border management by air.",
        "thematic_areas": ["border-management", "people-smuggling"],
    },
    {
        "slug": BORDER_FORUM,
        "title": "Regional Support Office 10th Anniversary Border Cooperation in Practice and "
        "Technology Forum",
        "kind": WorkshopKind.FORUM,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,
        "timezone": "Asia/Bangkok",
        "days": [D(2022, 10, 26), D(2022, 10, 27)],
        "summary": "The RSO marks its tenth anniversary with a forum on the nexus between "
        "technology and crimes related to irregular migration.",
        "description": "The Border Forum aims to facilitate dialogue and collaboration around "
        "how technology can be harnessed to combat people smuggling, trafficking in persons "
        "and related transnational crime in the Asia-Pacific Region following the opening of "
        "international borders.",
        "thematic_areas": [
            "border-management",
            "digital-technologies-and-innovation",
            "irregular-migration",
        ],
    },
    {
        "slug": MEMBERS_FUNCTION,
        "title": "RSO 2022 Members Engagement Function",
        "kind": WorkshopKind.EVENT,
        "status": WorkshopStatus.DELIVERED,
        "delivery_mode": DeliveryMode.IN_PERSON,  # "now that in-person functions can be held"
        "country": "Thailand",  # "stakeholders based in Thailand"
        "timezone": "Asia/Bangkok",
        "days": [D(2022, 12, 1)],
        "has_tentative_dates": True,  # "December 1 (TBC)"
        "summary": "An informal engagement function bringing together Bali Process "
        "stakeholders based in Thailand.",
        "description": "The function aims to reengage with Government of Thailand agencies and "
        "other stakeholders now that in-person functions can be held, reflect on the "
        "activities and achievements of the past twelve months, and informally discuss the "
        "irregular migration challenges impacting Thailand and the broader region.",
        "thematic_areas": ["irregular-migration"],
        "target_member_states": ["Thailand"],
    },
]

TESTIMONIALS = [
    {
        "workshop": INP_COURSE,
        "quote": "This course was valuable to me because the material presented to us is "
        "related to what we do at work and is trying to fit into the local context",
        "attribution": "Session attendee",
    },
]

# --- Publications ----------------------------------------------------------------------

DIRECTORY_OF_SERVICES = "directory-of-services-for-trafficking-victims"
PRACTITIONER_GUIDE_SERIES = {
    "slug": "practitioner-guide-series-improving-protection-of-trafficking-victims",
    "name": "Practitioner Guide Series on Improving the Protection of Trafficking Victims",
    "description": "Practitioner guides developed by the NEXUS Institute in partnership with "
    "the RSO.",
}

# The guides' publication dates are not in the seeds: the article of 6 April 2022 says
# all four "have ... been published", so that date stands for "by then".
GUIDES_PUBLISHED_BY = D(2022, 4, 6)

PUBLICATIONS = [
    {
        "slug": DIRECTORY_OF_SERVICES,
        "title": "Directory of Services for Trafficking Victims",
        "kind": PublicationKind.TOOL,
        # "On World Day Against Trafficking in Persons in July": 30 July.
        "published_on": D(2022, 7, 30),
        "summary": "Step-by-step guidance on how to design and implement a directory of "
        "services for trafficking victims in a specific area or country, with a Microsoft "
        "Excel template in which practitioners can compile information about services, and "
        "an instructional video. Launched by the RSO and the NEXUS Institute on World Day "
        "Against Trafficking in Persons.",
        "partners": ["NEXUS"],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        # "available in English, Bahasa Indonesian, Malaysian, Vietnamese, and Thai"
        "pdf_languages": ["en", "id", "ms", "vi", "th"],
        "has_excel_template": True,
        "has_video": True,
    },
    {
        "slug": "trafficking-victim-identification",
        "title": "Trafficking Victim Identification",
        "series": True,
        "kind": PublicationKind.GUIDE,
        "published_on": GUIDES_PUBLISHED_BY,
        "summary": "A practitioner guide on identifying trafficking victims, developed by the "
        "NEXUS Institute in partnership with the RSO.",
        "partners": ["NEXUS"],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "pdf_languages": ["en"],
    },
    {
        "slug": "victim-protection-and-support",
        "title": "Victim Protection and Support",
        "series": True,
        "kind": PublicationKind.GUIDE,
        "published_on": GUIDES_PUBLISHED_BY,
        "summary": "A practitioner guide on protecting and supporting trafficking victims, "
        "developed by the NEXUS Institute in partnership with the RSO.",
        "partners": ["NEXUS"],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "pdf_languages": ["en"],
    },
    {
        "slug": "recovery-and-reintegration-of-trafficking-victims",
        "title": "Recovery and Reintegration of Trafficking Victims",
        "series": True,
        "kind": PublicationKind.GUIDE,
        "published_on": GUIDES_PUBLISHED_BY,
        "summary": "A practitioner guide on the recovery and reintegration of trafficking "
        "victims, developed by the NEXUS Institute in partnership with the RSO.",
        "partners": ["NEXUS"],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "pdf_languages": ["en"],
    },
    {
        "slug": "special-and-additional-measures-for-child-trafficking-victims",
        "title": "Special and Additional Measures for Child Trafficking Victims",
        "series": True,
        "kind": PublicationKind.GUIDE,
        "published_on": GUIDES_PUBLISHED_BY,
        "summary": "A practitioner guide on special and additional measures for child "
        "trafficking victims, developed by the NEXUS Institute in partnership with the RSO.",
        "partners": ["NEXUS"],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "pdf_languages": ["en"],
    },
    # The 2018 information-sharing project's drafts, "being finalised and ... made
    # available to Bali Process Members at the conclusion of the project in June 2018":
    # for members only, so not in the public library; no files.
    {
        "slug": "framework-for-information-sharing",
        "title": "Framework for Information Sharing",
        "kind": PublicationKind.FRAMEWORK,
        "published_on": D(2018, 6, 30),  # "June 2018": end of month chosen
        "is_published": False,
        "summary": "Developed by the RSO in consultation with Bali Process Members under a "
        "Canadian Government-funded project to increase information sharing between Bali "
        "Process Member States. For Bali Process Members.",
        "thematic_areas": ["information-sharing"],
    },
    {
        "slug": "guidelines-for-information-sharing",
        "title": "Guidelines for Information Sharing to Address People Smuggling, Trafficking "
        "in Persons and Related Transnational Crime",
        "kind": PublicationKind.FRAMEWORK,
        "published_on": D(2018, 6, 30),
        "is_published": False,
        "summary": "Developed by the RSO in consultation with Bali Process Members, with a "
        "training curriculum based on them, under a Canadian Government-funded project. For "
        "Bali Process Members.",
        "thematic_areas": ["information-sharing", "people-smuggling", "trafficking-in-persons"],
    },
]

# Columns of the demo Excel template: what a directory of services records per service.
DIRECTORY_TEMPLATE_COLUMNS = [
    "Service type",
    "Organisation",
    "Services provided",
    "Target group (women, men, children, ...)",
    "Eligibility criteria",
    "Geographic coverage",
    "Address",
    "Contact person",
    "Telephone",
    "Email",
    "Website",
    "Opening hours",
    "Languages spoken",
    "Cost",
    "How to refer",
    "Last verified on",
]
DIRECTORY_VIDEO_URL = "https://example.org/demo/directory-of-services-instructional-video"

# --- News ------------------------------------------------------------------------------

# The seed articles, their bodies verbatim (a bulleted list becomes one paragraph of
# "• " lines). 000's "The RSO would also like to the JCLEC staff" is the source's wording.
NEWS_ARTICLES = [
    {
        "slug": "virtual-training-workshop-addressing-people-smuggling-and-trafficking-in-persons",
        "title": "The Bali Process Virtual Training Workshop on Addressing People Smuggling and "
        "Trafficking in Persons",
        "published_on": D(2022, 7, 21),
        "summary": "On Monday, 18 July and Wednesday, 20 July, the RSO delivered a virtual "
        "workshop on Addressing People Smuggling and Trafficking in Persons to 23 officials "
        "from the Malaysian Immigration Department.",
        "body": [
            "On Monday, 18 July and Wednesday, 20 July, the RSO delivered a virtual workshop on "
            "Addressing People Smuggling and Trafficking in Persons to 23 officials from the "
            "Malaysian Immigration Department.",
            "The virtual workshop aimed to equip operational level officers who are responsible "
            "for managing travelers at borders with the knowledge and skills required to better "
            "detect and respond to incidents of people smuggling and trafficking in persons.",
            "This workshop covered sessions on:",
            "• Trafficking in Persons & Smuggling of Migrants\n"
            "• Identification and Screening of Vulnerable Persons\n"
            "• Victim-Centered Approaches\n"
            "• People Smuggling by Air Trends and Best Practice Responses\n"
            "• Key Considerations when Investigating People Smuggling and Trafficking in "
            "Persons\n"
            "• International Cooperation",
            "The RSO facilitated the first day of the workshop, introducing trafficking in "
            "persons and people smuggling and going over the differences between them. The RSO "
            "also conducted a variety of group exercises, including an analysis of case studies "
            "to determine the elements of each crime and a discussion on challenges regarding "
            "identification and screening faced by the Malaysian Immigration Department.",
            "The second day of this workshop included presentations from the RSO, the "
            "International Organization for Migration (IOM) and the Australian Border Force "
            "(ABF). Ms. Among Resi – Counter-Trafficking Program Officer at IOM – delivered the "
            "session on Victim-Centered Approaches in trafficking investigations, sharing her "
            "experiences in dealing with victims and lessons learned. Ms. Wendy MacDonald – ABF "
            "Inspector, First Secretary Airline Liaison – delivered the session on People "
            "Smuggling Trends by Air and Best Practice Responses, going over the Australian "
            "Airline Liaison Program and sharing current people smuggling trends in the "
            "aviation stream.",
            "The RSO would like to thank Ms. Among Resi and Ms. Wendy MacDonald for sharing "
            "their expertise and experiences during this workshop. The RSO would also like to "
            "thank all participants in attendance for joining the workshop, taking part in "
            "group discussions and engaging with the facilitators.",
            "The RSO looks forward to continuous engagement with the Malaysian Immigration "
            "Department to address the crimes of people smuggling, trafficking in persons and "
            "related transnational crime.",
        ],
        "thematic_areas": [
            "trafficking-in-persons",
            "people-smuggling",
            "victim-identification-and-protection",
            "border-management",
        ],
        "related_workshops": [MALAYSIA_2022],
    },
    {
        "slug": "virtual-training-workshop-identifying-and-protecting-victims-of-trafficking",
        "title": "The Bali Process Virtual Training Workshop on Identifying and Protecting "
        "Victims of Trafficking in Persons",
        "published_on": D(2022, 4, 6),
        "summary": "On Wednesday, 06 April, the RSO – in partnership with the Jakarta Centre "
        "for Law Enforcement Cooperation (JCLEC) – delivered a Virtual Training Workshop on "
        "Identifying and Protecting Victims of Trafficking in Persons.",
        "body": [
            "On Wednesday, 06 April, the RSO – in partnership with the Jakarta Centre for Law "
            "Enforcement Cooperation (JCLEC) – delivered a Virtual Training Workshop on "
            "Identifying and Protecting Victims of Trafficking in Persons.",
            "The workshop was delivered through JCLEC’s Online Delivery Model (ODM) using the "
            "Zoom platform, connecting the RSO with 16 law enforcement and immigration "
            "officials from Indonesia and Malaysia.",
            "Three sessions were covered in the workshop: Understanding Trafficking Victim "
            "Identification, Trafficking Victim Protection and Support, and Challenges Relating "
            "to Identification and Protection of Trafficking Victims. This workshop focused on "
            "increasing participant understanding on trafficking victim identification and "
            "protection in practice; why identification, protection and support is important "
            "in supporting victim recovery and reintegration; and the structural and "
            "institutional barriers faced by practitioners and how to address them.",
            "Throughout the workshop, participants were given opportunities to ask questions "
            "and share their experiences and thoughts on what they considered to be key issues "
            "and challenges in trafficking victim identification and protection. The RSO "
            "greatly values the engagement from participants and will use the information "
            "gained as a basis for additional workshops in the future.",
            "This virtual workshop was delivered within the framework of the Practitioner "
            "Guides on Trafficking Victim Identification and Victim Protection and Support "
            "which were developed by the NEXUS Institute in partnership with the RSO. These "
            "practitioner guides are part of the Practitioner Guide Series on Improving the "
            "Protection of Trafficking Victims. Two additional guides on the Recovery and "
            "Reintegration of Trafficking Victims and the Special and Additional Measures for "
            "Child Trafficking Victims have also been published as part of this series.",
            "The RSO would like to thank General Aby Nursentyanto (INP Executive Director of "
            "JCLEC), Federal Agent Greg Davis (AFP Executive Director of Programs of JCLEC), "
            "and all participants who were in attendance for participating in this workshop.",
            "The RSO would also like to the JCLEC staff and interpreters for all their hard "
            "work in facilitating and ensuring the success of this workshop which has brought "
            "Indonesia, Malaysia and the RSO closer to our shared goal of combating people "
            "smuggling, trafficking in persons and related transnational crime.",
        ],
        "thematic_areas": ["trafficking-in-persons", "victim-identification-and-protection"],
        "related_workshops": [VICTIMS_2022],
    },
    {
        "slug": "virtual-training-workshop-countering-the-smuggling-of-migrants",
        "title": "Virtual Training Workshop on Countering the Smuggling of Migrants",
        "published_on": D(2021, 8, 17),
        "summary": "On July 27th, the RSO – in partnership with the Jakarta Centre for Law "
        "Enforcement Cooperation (JCLEC) – delivered a Virtual Training Workshop on "
        "Countering Smuggling of Migrants to 24 Immigration Officials from Malaysia and "
        "Indonesia.",
        "body": [
            "On July 27th, the RSO – in partnership with the Jakarta Centre for Law Enforcement "
            "Cooperation (JCLEC) – delivered a Virtual Training Workshop on Countering "
            "Smuggling of Migrants to 24 Immigration Officials from Malaysia and Indonesia.",
            "As front-line officials, immigration and border control officers have an increased "
            "chance of encountering cases of migrant smuggling. This, combined with the "
            "increased demand for smuggling services – due to heightened border controls to "
            "prevent spread of the Covid-19 pandemic – led to the formation of this workshop.",
            "The virtual training workshop was delivered through JCLEC’s Online Delivery Model "
            "(ODM) using the Zoom platform, connecting the RSO and immigration officers "
            "stationed across various provinces in Malaysia and Indonesia.",
            "This virtual workshop contained four sessions aimed at providing participants with "
            "the knowledge and skills required to better understand the crime and improve "
            "responses to migrant smuggling cases.",
            "Pak Agus Widedo from the Anti-People Smuggling Unit in the Indonesian Criminal "
            "Investigation Agency delivered his first session on current trends and shared "
            "information and techniques to counter people smuggling. The RSO followed this "
            "session with a brief explanation of the differences between smuggling of migrants "
            "and trafficking in persons, and the challenges of prosecuting migrant smuggling "
            "cases. Lastly, General Aby Nursentyanto delivered a session on the importance of "
            "international cooperation in combatting the crime of migrant smuggling.",
            "The RSO would like to thank General Aby Nursentyanto (INP Executive Director of "
            "JCLEC), Federal Agent Greg Davis (AFP Executive Director of Programs of JCLEC), "
            "Pak Agus Widedo, as well as all participants who were in attendance.",
            "The RSO would also like to thank the JCLEC staff and interpreters for all their "
            "hard work in ensuring the success of this workshop which has brought Malaysia, "
            "Indonesia and the RSO closer to our shared goal of combating people smuggling, "
            "trafficking in persons and related transnational crime.",
        ],
        "thematic_areas": ["people-smuggling"],
        "related_workshops": [SMUGGLING_2021],
    },
    {
        "slug": "pilot-training-workshop-information-sharing",
        "title": "Pilot Training Workshop on Information Sharing to Address People Smuggling, "
        "Trafficking in Persons and Related Transnational Crime",
        "published_on": D(2018, 5, 21),
        # The body's first paragraph, as the other articles' summaries are: the page
        # prints it once, as the lead (core.text.without_lead).
        "summary": "The Regional Support Office of the Bali Process (RSO), together with the "
        "Jakarta Centre for Law Enforcement Cooperation (JCLEC), delivered a Pilot Training "
        "Workshop on Information Sharing to Address People Smuggling, Trafficking in Persons "
        "and Related Transnational Crime (Training Workshop) in Jakarta, Indonesia on 3-4 May "
        "2018.",
        "body": [
            "The Regional Support Office of the Bali Process (RSO), together with the Jakarta "
            "Centre for Law Enforcement Cooperation (JCLEC), delivered a Pilot Training Workshop "
            "on Information Sharing to Address People Smuggling, Trafficking in Persons and "
            "Related Transnational Crime (Training Workshop) in Jakarta, Indonesia on 3-4 May "
            "2018.",
            "The Training Workshop is part of a Canadian Government-funded project to increase "
            "information sharing between Bali Process Member States to address people "
            "smuggling, trafficking in persons and related transnational crime. The project "
            "aims to enhance knowledge and skills and raise awareness in matters related to "
            "information and intelligence sharing.",
            "Under the project, the RSO has, in consultation with Bali Process Members, developed:",
            "• A draft Framework for Information Sharing (Framework),\n"
            "• Draft Guidelines for Information Sharing to Address People Smuggling, "
            "Trafficking in Persons and Related Transnational Crime (Guidelines) and\n"
            "• A training curriculum on information sharing based on the Guidelines.",
            "The Training Workshop looked at information sharing in the context of people "
            "smuggling and trafficking in persons and provided tools for strengthening "
            "information exchange. Tools included the application of shared principles and a "
            "step-by-step guide to requesting information. Scenario-based elements of the "
            "training programme allowed participants to explore different perspectives of an "
            "information exchange in the context of a fictionalised trafficking in persons "
            "case.",
            "Twenty-four participants from thirteen Bali Process Member States, Organisations "
            "and Observers took part in the Training Workshop. Participants included "
            "representatives from law enforcement, border management and immigration agencies "
            "with experience in information sharing.",
            "The Training Workshop included presentations from representatives of the "
            "Australia-Asia Program to Combat Trafficking in Persons (AAPTIP), the Royal "
            "Canadian Mounted Police, the Canada Border Services Agency, the Royal Malaysia "
            "Police and the United Nations Office on Drugs and Crime. Representatives shared "
            "their expertise and experience on how information sharing can be used to address "
            "the challenges posed by people smuggling, trafficking in persons and related "
            "transnational crime.",
            "Participants recognised the value of the training programme to support "
            "understanding of the Guidelines, including elements of the Framework and welcomed "
            "these tools developed by the RSO for strengthening cross-border information "
            "exchange. The Framework, Guidelines, and training curriculum are being finalised "
            "and will be made available to Bali Process Members at the conclusion of the "
            "project in June 2018.",
            "For further information on this project, including delivery of this training in "
            "your country, please contact info@rso.baliprocess.net or visit "
            "www.baliprocess.net.",
        ],
        "thematic_areas": ["information-sharing", "people-smuggling", "trafficking-in-persons"],
        "related_workshops": [INFO_SHARING_2018],
    },
]

# The "More News Articles" list of seed 003: title, date and the first words of each
# article. The list cuts each teaser mid-word ("...Regional Support Office of t...");
# here each is finished as a sentence with the facts of its own title, and nothing
# else, so that the article reads as a finished short item. The bodies are not in the
# seeds and stay empty: the summary is the whole text.
MORE_NEWS_ARTICLES = [
    {
        "slug": "rso-supports-thailand-dsi-conference-countering-trafficking-in-persons",
        "title": "RSO supports Thailand’s Department of Special Investigation conference on "
        "enhancing cooperation in countering trafficking in persons",
        "published_on": D(2024, 2, 8),
        "summary": "The Regional Support Office of the Bali Process (RSO) was honoured to "
        "support Thailand’s Department of Special Investigation (DSI) in its conference on "
        "enhancing cooperation in countering trafficking in persons.",
        "thematic_areas": ["trafficking-in-persons"],
    },
    {
        "slug": "rso-alumni-spotlight-fyrgie-jumari-captain-lasantha",
        "title": "RSO Alumni Spotlight: Meet Fyrgie, Jumari and Captain Lasantha",
        "published_on": D(2024, 2, 7),
        "summary": "Against a complex landscape of border security and migration, we turn our "
        "focus to three RSO alumni who are leaders in their field: Fyrgie, Jumari and "
        "Captain Lasantha.",
        "thematic_areas": ["border-management"],
    },
    {
        "slug": "strengthening-mongolia-online-investigations-capacity",
        "title": "Strengthening Mongolia's online investigations capacity: RSO and IOM lead "
        "counter-trafficking workshop in Ulaanbaatar",
        "published_on": D(2024, 1, 22),
        "summary": "Officials from five Mongolian government agencies came together in "
        "Ulaanbaatar alongside trainers from the Regional Support Office of the Bali Process "
        "(RSO) and IOM for a counter-trafficking workshop on online investigations.",
        "thematic_areas": ["trafficking-in-persons", "digital-technologies-and-innovation"],
    },
    {
        "slug": "rso-training-supports-13-member-states-victim-identification",
        "title": "RSO training supports 13 Member States to centre victim identification and "
        "protection of victims when responding to vulnerable migrants",
        "published_on": D(2023, 12, 21),
        "summary": "Correctly identifying victims of trafficking when responding to vulnerable "
        "migrants is the crucial first challenge for frontline officials. RSO training "
        "supports 13 Member States to centre victim identification and protection.",
        "thematic_areas": ["victim-identification-and-protection", "irregular-migration"],
    },
    {
        "slug": "rso-partnership-with-interpol-operation-storm-makers-ii",
        "title": "RSO Partnership with INTERPOL in support of Operation Storm Makers II sees "
        "149 trafficking victims rescued, 281 arrested",
        "published_on": D(2023, 12, 21),
        "summary": "The Regional Support Office of the Bali Process (RSO) supported INTERPOL’s "
        "Operation Storm Makers II, which saw 149 trafficking victims rescued and 281 "
        "arrested.",
        "thematic_areas": ["trafficking-in-persons", "information-sharing"],
    },
    {
        "slug": "rso-2023-border-forum-cross-border-information-sharing",
        "title": "RSO 2023 Border Forum promotes cross-border efforts through enhanced "
        "information sharing",
        "published_on": D(2023, 12, 15),
        "summary": "Responding to large-scale irregular migration and countering "
        "migration-related offenses, the RSO 2023 Border Forum promoted cross-border efforts "
        "through enhanced information sharing.",
        "thematic_areas": ["border-management", "information-sharing", "irregular-migration"],
    },
    {
        "slug": "rso-alumni-network-community-of-practitioners",
        "title": "RSO Alumni Network promotes cross-border information sharing through "
        "community of practitioners",
        "published_on": D(2023, 12, 15),
        "summary": "The RSO Alumni Network launched in December 2023, marking a milestone in "
        "network-building and in cross-border information sharing through a community of "
        "practitioners.",
        "thematic_areas": ["information-sharing"],
    },
    {
        "slug": "international-people-smuggling-investigations-program",
        "title": "International People Smuggling Investigations Program brings together law "
        "enforcement, immigration, coast guard and navy from Sri Lanka, Bangladesh, "
        "Indonesia, Malaysia, Thailand, and Viet Nam",
        "published_on": D(2023, 12, 5),
        "summary": "Unsafe land and maritime movements are a priority concern for the Bali "
        "Process region. The International People Smuggling Investigations Program brought "
        "together law enforcement, immigration, coast guard and navy from Sri Lanka, "
        "Bangladesh, Indonesia, Malaysia, Thailand, and Viet Nam.",
        "thematic_areas": ["people-smuggling"],
    },
]

# --- Newsletter ------------------------------------------------------------------------

NEWSLETTER_ISSUE = {
    "number": 2,
    "title": "RSO Highlights",
    "slug": "rso-highlights-issue-2-october-2022",
    # The issue prints "Oct 2022" only; the 1st stands for the month. It announces the
    # 26-27 October forum as upcoming, so it went out before then.
    "issued_on": D(2022, 10, 1),
    # No period is printed. Its dated stories run from July (the Malaysian workshop of
    # 18/20 July, World Day Against Trafficking in Persons on 30 July, research
    # commissioned in July) through the issue month, so 1 July to 31 October; the June
    # OHCHR meeting it also mentions is a contribution, not an RSO activity.
    "period_starts_on": D(2022, 7, 1),
    "period_ends_on": D(2022, 10, 31),
    "introduction": "Let's Connect to Act",
    # As printed: (value, label, measure, note). A figure with a measure is the one
    # the reports compute for the period (the seeds' participants are shaped to give
    # 313 and the one publication); saving the issue in the admin keeps it so. The
    # "7 conferences and events" is not a count the portal can make: the issue counts
    # the occasions the office organised or took part in, the portal the workshops of
    # any kind it delivered (9 in this period). It keeps the printed value, set by
    # hand with a note that says why, so the computed figure beside it in the admin
    # reads as a different measure rather than a contradiction.
    "figures": [
        (313, "people trained", FigureMeasure.PEOPLE_TRAINED, ""),
        (
            7,
            "conferences and events",
            FigureMeasure.EVENTS_DELIVERED,
            "As printed in the issue: the conferences and events the office organised or "
            "took part in. The portal counts the workshops and events it delivered, "
            "which is a different figure.",
        ),
        (1, "new publication", FigureMeasure.PUBLICATIONS_PUBLISHED, ""),
    ],
}
# The figures' labels in the site's other languages.
NEWSLETTER_FIGURE_LABELS = {
    "people trained": {
        "id": "orang dilatih",
        "ms": "orang dilatih",
        "vi": "người được đào tạo",
        "th": "คนได้รับการฝึกอบรม",
    },
    "conferences and events": {
        "id": "konferensi dan acara",
        "ms": "persidangan dan acara",
        "vi": "hội nghị và sự kiện",
        "th": "การประชุมและกิจกรรม",
    },
    "new publication": {
        "id": "publikasi baru",
        "ms": "penerbitan baharu",
        "vi": "ấn phẩm mới",
        "th": "สิ่งพิมพ์ใหม่",
    },
}
# Labels of the Directory of Services' template and video in the other languages.
PUBLICATION_FILE_LABELS = {
    "Excel template": {
        "id": "Templat Excel",
        "ms": "Templat Excel",
        "vi": "Mẫu Excel",
        "th": "แม่แบบ Excel",
    },
    "Instructional video": {
        "id": "Video petunjuk",
        "ms": "Video panduan",
        "vi": "Video hướng dẫn",
        "th": "วิดีโอแนะนำการใช้งาน",
    },
}

# The stories in the issue's order. `theme` is the part heading each sits under; the
# three lead stories open the issue before the first part heading and have none.
NEWSLETTER_SECTIONS = [
    {
        "theme": "",
        "heading": "Bali Process 20th Anniversary event brings Member States back together",
        "body": [
            "Bali Process Member States gathered together in one place for the first time "
            "since the pandemic, to celebrate 20 years of The Bali Process and discuss "
            "regional priorities and challenges that have emerged around people smuggling and "
            "trafficking in persons – particularly following the reopening of international "
            "borders and ongoing displacement of refugees from prolonged political and armed "
            "crises in the region.",
            "The two-day dialogue, hosted by the RSO in Bangkok, drew 104 attendees from across "
            "the Bali Process' geographical landscape. Attendees discussed shared concerns "
            "around irregular migratory challenges, how best to facilitate international "
            "cooperation through the Bali Process, and provided feedback to assist the RSO on "
            "future activities.",
            "Shared concerns and areas of focus included the need for strengthened border "
            "management systems, the challenges of people smuggling by sea and air, evolving "
            "irregular migration and trafficking in persons trends in the region, the growing "
            "role played by technology, the need to address corruption, strengthen the justice "
            "sector and develop effective public awareness and information campaigns.",
            "Following the Constructive Dialogue an Outcomes Statement will be released to Bali "
            "Process Members and Observers which will be a key document that will drive further "
            "engagement and dialogue and will aid in the development of the RSO Strategy "
            "2023-24 and Annual Work Plan 2023.",
        ],
        "related_workshops": [ANNIVERSARY_DIALOGUE],
    },
    {
        "theme": "",
        "heading": "RSO funds regional dialogue promoting partnership and cooperation on "
        "migrant protection",
        "body": [
            "Migration across the Bali Process region doubled from 5.1 million in 2000 to 10.6 "
            "million in 2020 – with two thirds of this accounted for by migration within the "
            "region. As of mid-2021, Asia and the Pacific hosted 4.22 million refugees and "
            "asylum seekers, accounting for 17 per cent of global numbers.",
            "As demand for labour and accompanying migration levels rise again following the "
            "re-opening of international borders, regional cooperation and building capacity to "
            "support migrants – particularly vulnerable populations – is vital.",
            "The RSO was pleased to fund a regional dialogue in September, hosted by the "
            "International Organization for Migration, which brought together government "
            "officials from Indonesia, Malaysia and Thailand to exchange experiences, best "
            "practices and challenges in promoting safe, orderly and regular migration and "
            "protecting migrants' rights. Attendees identified priorities around:",
            "• strengthening access to protection services for migrants\n"
            "• reinforcing legal frameworks for counter-smuggling and trafficking\n"
            "• identifying pathways for dignified return and readmission\n"
            "• implementing alternatives to immigration detention.",
            "On the final day, government delegations engaged in discussions to identify areas "
            "of cooperation and partnerships – and where efforts should be focused to "
            "strengthen collaboration and impact of efforts. Future activities identified "
            "include ongoing bilateral discussions – particularly between source, transit and "
            "destination countries, strengthening legal frameworks, strengthening capability to "
            "address regional issues such as online scams, and a focus on victim protection "
            "and assistance.",
            "The work also built on an independent research project commissioned by the RSO in "
            "July to undertake stakeholder interviews in Malaysia, Thailand, and Indonesia on "
            "return, readmission, and alternatives to detention. The research builds on the "
            "knowledge base around existing legal frameworks, policies, and good practices – "
            "and by sharing challenges and best practices amongst stakeholder countries, aims "
            "to inform development of future policies and procedures.",
            "This work is a key outcome for the Dialogue on the Management of Irregular "
            "Migration in South-East Asia (DIMM), which is implemented by the RSO and funded by "
            "the RSO. An outcome report including suggested ways forward will be presented at "
            "the next Bali Process Technical Expert Working Group on Return and Reintegration.",
        ],
        "related_workshops": [IOM_DIALOGUE],
    },
    {
        "theme": "",
        "heading": "New publication supports Member States to develop a Directory of Services "
        "for Trafficking Victims",
        "body": [
            "Trafficking in Persons is by some estimates now one of the most profitable "
            "organised crimes in the world, with more than two-thirds of victims (25 million "
            "people) from East-Asia and the Pacific. Efforts to support trafficking victims are "
            "often hampered by shortages of available information and resources.",
            "On World Day Against Trafficking in Persons in July, the RSO and the NEXUS "
            "Institute launched a new publication, providing step-by-step guidance on how to "
            "design and implement a Directory of Services for Trafficking Victims in a specific "
            "area or country. A directory of services is an important tool in supporting "
            "trafficking victims to get the information and help they need most.",
            "The tool includes an accompanying Microsoft Excel template in which practitioners "
            "can compile information about services to support victims in identifying their "
            "needs and the support available. The tool has been made available in English, "
            "Bahasa Indonesian, Malaysian, Vietnamese, and Thai. There is also an accompanying "
            "Instructional video to support practitioners.",
            "Two further publications are being planned around special and additional measures "
            "for victim-witnesses, and access to remedies and support for victims. The RSO and "
            "Nexus will also co-host a series of thematic dialogues, exploring the principles "
            "and guidance in these series in further detail with ASEAN member states.",
        ],
        "related_workshops": [],
    },
    {
        "theme": "Training and skills-sharing",
        "heading": "In-person training returns for front-line border officers on trafficking "
        "in persons",
        "body": [
            "The RSO delivered a week-long pilot course on trafficking in persons to 24 "
            "officials of the Indonesian National Police, who are stationed at various borders "
            "across the provinces of Indonesia.",
            "Topics ranged from supporting and protecting victims of Trafficking in Persons, to "
            "the development of risk assessments in the management of Trafficking in Persons "
            "cases, to crime scene investigation and securing evidence. The RSO piloted a new "
            "curriculum for Front-line Border Officials, which was developed in 2021. Training "
            "was delivered with support from the Australian Federal Police.",
            "Follow up will take place with participants in the new year, to evaluate impact "
            "the training has had for participants in their work. The course will also now "
            "undergo some further development before being uploaded to our website, with plans "
            "to deliver the training again at a regional level.",
            "“This course was valuable to me because the material presented to us is related "
            "to what we do at work and is trying to fit into the local context” – Testimonial "
            "from session attendee",
        ],
        "related_workshops": [INP_COURSE],
    },
    {
        "theme": "Training and skills-sharing",
        "heading": "Supporting regional action plans around human trafficking",
        "body": [
            "54 participants from 15 Bali Process Member States attended the RSO's four-day "
            "Intensive Course on Measures to Address Human Trafficking: the 3P Paradigm, which "
            "supported awareness and understanding across the four pillars of anti-trafficking "
            "efforts – prevention, protection, prosecution, and partnerships. Each day was "
            "dedicated to a different pillar, and combined lectures, group discussion, case "
            "study presentations, and action-planning.",
            "14 subject-matter experts, from IOM Iraq, the Korean Institute for National "
            "Security Strategy, ASEAN-ACT, the Blue Dragon Foundation, the US Department of "
            "Homeland Security, UNODC Center for Excellence, ICRC and the RSO delivered the "
            "training. The training was delivered in partnership with UNITAR CIFAL, and ran on "
            "an interactive platform called Gather to enable wide attendance amid restrictions "
            "on travel.",
            "Participants were asked to submit a trend and SWOT analysis of their country or "
            "organisation's policy and strategy related to trafficking in persons. The RSO "
            "reviewed the submissions and invited selected participants from the Philippines, "
            "Nepal, New Zealand, India, and Cambodia to present their case studies – enabling "
            "first-hand perspectives from practitioners on the ground and to enable new "
            "insights. Participants were asked to develop action plans out of the session – and "
            "some 20 have been shared with the RSO to date.",
        ],
        "related_workshops": [COURSE_3P],
    },
    {
        "theme": "Training and skills-sharing",
        "heading": "Embedding a victim-centred approach in tackling irregular migration",
        "body": [
            "The RSO delivered a new two-day workshop to The Malaysian Immigration Department "
            "on Addressing People Smuggling and Trafficking in Persons in July – a new "
            "self-delivered programme for the RSO. This was delivered virtually, with "
            "twenty-two Immigration Officers gaining essential knowledge and skills to detect "
            "and respond to incidents of people smuggling and trafficking in persons – with "
            "focus throughout on a victim-centered approach, and the benefits that follow. "
            "Embedding a victim-centred approach as best practice in tackling human smuggling "
            "and trafficking in persons forms part of one of the new RSO thematic areas of "
            "focus, and will be integrated across future trainings and activities. The "
            "training was supported by subject matter experts from the Australian Border Force "
            "and IOM Thailand.",
        ],
        "related_workshops": [MALAYSIA_2022],
    },
    {
        "theme": "Training and skills-sharing",
        "heading": "Building capacity for law enforcement in tackling trafficking in persons",
        "body": [
            "The RSO ran a Basic Course on Combatting Trafficking in Persons at the People's "
            "Police Academy of Viet Nam (PPA) over 27-28 August. The hybrid workshop is "
            "targeted for PPA cadets to enhance their understanding on how to identify and "
            "protect victims of trafficking, and support victims in the criminal justice system "
            "to prosecute traffickers. An advanced course will follow in November.",
        ],
        "related_workshops": [PPA_BASIC, PPA_ADVANCED],
    },
    {
        "theme": "Training and skills-sharing",
        "heading": "Upcoming RSO capacity building activities",
        "body": [
            "• October 31 – November 4: Regional Workshop on Combatting People Smuggling – "
            "participants from Indonesia, Malaysia, Timor-Leste and Sri Lanka.\n"
            "• November 10-11: Advanced Course on Combatting Human Trafficking – People's "
            "Police Academy of Viet Nam\n"
            "• November 21-25: Workshop on Combatting People Smuggling\n"
            "• December 12-16: Border Management by Air Workshop",
        ],
        "related_workshops": [REGIONAL_SMUGGLING, PPA_ADVANCED, SMUGGLING_NOV_2022, AIR_BORDER],
    },
    {
        "theme": "Trafficking in Persons",
        "heading": "New seminar to be developed on Criminalising, Investigating and Prosecuting "
        "Trafficking in Persons",
        "body": [
            "Members of The Bali Process Working Group on Trafficking in Persons identified new "
            "and ongoing key regional challenges in counter-trafficking in their annual meeting "
            "in August – with technology being a key priority. The Working Group has committed "
            "through the RSO and the Government of Malaysia to develop a new seminar on "
            "Criminalising, Investigating and Prosecuting Trafficking in Persons, with a focus "
            "on the role that technology can play here. The seminar will be a first activity in "
            "part of a longer-term programme of work to build capacity in this area.",
        ],
        "related_workshops": [TIP_SEMINAR],
    },
    {
        "theme": "Trafficking in Persons",
        "heading": "RSO supports Fiji to develop referral mechanisms around trafficking",
        "body": [
            "The RSO provided recommendations to the Fiji Ministry of Defence, National "
            "Security and Policing, around the development of migrant referral mechanisms to "
            "State agencies and civil society partners at a Human Trafficking – National "
            "Referral Mechanism Workshop. Development of a national referral mechanism is a key "
            "strategy outlined in Fiji's National Anti-Human Trafficking Strategy for "
            "2021-2026.",
        ],
        "related_workshops": [FIJI_NRM],
    },
    {
        "theme": "Irregular migration and regional priorities",
        "heading": "RSO and UNHCR share recommendations from Civil Registration Assessment pilots",
        "body": [
            "Gaps in civil registration and legal identity documentation expose people to a "
            "heightened risk of human trafficking – and increasing access to civil registration "
            "can support vulnerable populations. Following the completion of a pilot project on "
            "universal civil registration schemes in Thailand, Vietnam, and Pakistan, the RSO "
            "and UNHCR shared learnings and recommendations for wider adoption of civil "
            "registration schemes across other Bali Process Member States.",
        ],
        "related_workshops": [],
    },
    {
        "theme": "Irregular migration and regional priorities",
        "heading": "Support for voluntary return of migrants in Malaysia, Pakistan and Thailand",
        "body": [
            "The RSO and IOM worked with Malaysia, Pakistan and Thailand to support ten migrants "
            "to voluntarily return to their countries of origin: Cambodia, Sri Lanka, "
            "Bangladesh and Pakistan, through the Bali Process Assisted Voluntary Return and "
            "Reintegration Program. The scheme was established to support vulnerable migrants "
            "who wish to return to their home countries but are unable to do so, and to enable "
            "a dignified return and reintegration.",
        ],
        "related_workshops": [],
    },
    {
        "theme": "People smuggling",
        "heading": "Roundtable discussion with Viet Nam on strengthening the response to "
        "people smuggling",
        "body": [
            "The RSO and UNODC hosted a roundtable with the Viet Nam National Assembly's "
            "Judicial Affairs Committee, to support Viet Nam's efforts to build capacity in "
            "responding to people smuggling. The roundtable outlined the international legal "
            "framework on smuggling of migrants, and key obligations – and we look forward to "
            "continuing work with colleagues in Viet Nam as they move towards joining 150 "
            "States who have adopted the Smuggling of Migrants Protocol.",
        ],
        "related_workshops": [VIET_NAM_ROUNDTABLE],
    },
    {
        "theme": "Transnational crime and technology",
        "heading": "Reviewing Principles and Guidelines on Human Rights at International Borders",
        "body": [
            "The RSO contributed to an expert group meeting convened by the Office of the High "
            "Commissioner for Human Rights (OHCHR) and the University of Essex in June 2022 – to "
            "discuss updates to the 2014 OHCHR Recommended Principles and Guidelines on Human "
            "Rights at International Borders – taking in account the increasing reliance on new "
            "and emerging technologies in border governance.",
            "Digital Technologies and Innovation forms one of the six Thematic Areas of Focus "
            "within the RSO's 2021-22 Annual Work Plan, and we recognise that understanding and "
            "drawing effectively on technology advances is a priority area of focus for Member "
            "States – to support governments and law enforcement to work collaboratively to "
            "consider how technology tools can be used in prevention, disruption, investigation "
            "and response activities.",
        ],
        "related_workshops": [OHCHR_MEETING],
    },
    {
        "theme": "Engage with us!",
        "heading": "October 26-27: Regional Support Office 10th Anniversary Border Cooperation "
        "in Practice and Technology Forum",
        "body": [
            "The RSO is marking our tenth anniversary with the Border Cooperation in Practice "
            "and Technology Forum. The theme of the Border Forum is the nexus between technology "
            "and crimes related to irregular migration, and aims to facilitate dialogue and "
            "collaboration around how technology can be harnessed to combat people smuggling, "
            "trafficking in persons and related transnational crime in the Asia-Pacific Region "
            "following the opening of international borders.",
        ],
        "related_workshops": [BORDER_FORUM],
    },
    {
        "theme": "Engage with us!",
        "heading": "December 1 (TBC): RSO 2022 Members Engagement Function",
        "body": [
            "The RSO will be hosting an informal engagement function, to bring together Bali "
            "Process stakeholders based in Thailand with the aim of reengaging with Government "
            "of Thailand agencies and other stakeholders now that in-person functions can be "
            "held. The Function will also reflect on the activities and achievements over the "
            "past twelve months and informally discuss the irregular migration challenges "
            "impacting Thailand and the broader region.",
        ],
        "related_workshops": [MEMBERS_FUNCTION],
    },
]
