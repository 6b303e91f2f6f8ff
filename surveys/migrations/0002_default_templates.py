"""The two templates every workshop uses unless staff choose others: a post-workshop
evaluation and an impact follow-up 90 days later, in the portal's five languages.

Their question keys are what the results across workshops compare: a template staff
build later that reuses a key (overall, relevance...) is counted with these.
Going back deletes them unless a workshop's survey uses them (its answers stay)."""

from django.db import migrations

# (key, kind, required, {language: text}, [{language: label}, ...])
EVALUATION = {
    "title": {
        "en": "Workshop evaluation",
        "id": "Evaluasi lokakarya",
        "ms": "Penilaian bengkel",
        "vi": "Đánh giá hội thảo",
        "th": "แบบประเมินการฝึกอบรม",
    },
    "intro": {
        "en": "Thank you for taking part. Trainers and staff see your answers without your "
        "name; they help us improve our training. It takes about five minutes.",
        "id": "Terima kasih atas partisipasi Anda. Pelatih dan staf melihat jawaban Anda "
        "tanpa nama Anda; jawaban ini membantu kami meningkatkan pelatihan. Hanya perlu "
        "sekitar lima menit.",
        "ms": "Terima kasih kerana menyertai. Jurulatih dan kakitangan melihat jawapan anda "
        "tanpa nama anda; ia membantu kami menambah baik latihan. Ia mengambil masa "
        "kira-kira lima minit.",
        "vi": "Cảm ơn bạn đã tham gia. Giảng viên và nhân viên xem câu trả lời của bạn mà "
        "không kèm tên bạn; câu trả lời giúp chúng tôi cải thiện các khóa đào tạo. Chỉ mất "
        "khoảng năm phút.",
        "th": "ขอบคุณที่เข้าร่วม วิทยากรและเจ้าหน้าที่จะเห็นคำตอบของท่านโดยไม่มีชื่อของท่าน "
        "คำตอบช่วยให้เราปรับปรุงการฝึกอบรม ใช้เวลาประมาณห้านาที",
    },
    "questions": [
        (
            "overall",
            "rating",
            True,
            {
                "en": "Overall, how would you rate this workshop?",
                "id": "Secara keseluruhan, bagaimana Anda menilai lokakarya ini?",
                "ms": "Secara keseluruhan, bagaimanakah anda menilai bengkel ini?",
                "vi": "Nhìn chung, bạn đánh giá hội thảo này như thế nào?",
                "th": "โดยรวมแล้ว ท่านให้คะแนนการฝึกอบรมนี้อย่างไร",
            },
            [],
        ),
        (
            "relevance",
            "rating",
            True,
            {
                "en": "How relevant was the content to your work?",
                "id": "Seberapa relevan materi dengan pekerjaan Anda?",
                "ms": "Sejauh manakah kandungannya berkaitan dengan kerja anda?",
                "vi": "Nội dung phù hợp với công việc của bạn đến mức nào?",
                "th": "เนื้อหาเกี่ยวข้องกับงานของท่านมากเพียงใด",
            },
            [],
        ),
        (
            "trainers",
            "rating",
            True,
            {
                "en": "How would you rate the trainers and speakers?",
                "id": "Bagaimana Anda menilai para pelatih dan pembicara?",
                "ms": "Bagaimanakah anda menilai jurulatih dan penceramah?",
                "vi": "Bạn đánh giá các giảng viên và diễn giả như thế nào?",
                "th": "ท่านให้คะแนนวิทยากรและผู้บรรยายอย่างไร",
            },
            [],
        ),
        (
            "organisation",
            "rating",
            True,
            {
                "en": "How would you rate the organisation (platform or venue, materials, timing)?",
                "id": "Bagaimana Anda menilai penyelenggaraannya (platform atau tempat, materi, "
                "waktu)?",
                "ms": "Bagaimanakah anda menilai penganjurannya (platform atau tempat, bahan, "
                "masa)?",
                "vi": "Bạn đánh giá công tác tổ chức (nền tảng hoặc địa điểm, tài liệu, thời "
                "gian) như thế nào?",
                "th": "ท่านให้คะแนนการจัดงาน (แพลตฟอร์มหรือสถานที่ เอกสาร เวลา) อย่างไร",
            },
            [],
        ),
        (
            "knowledge",
            "single",
            True,
            {
                "en": "How much did the workshop increase your knowledge of the subject?",
                "id": "Seberapa besar lokakarya ini menambah pengetahuan Anda tentang topiknya?",
                "ms": "Sejauh manakah bengkel ini menambah pengetahuan anda tentang topiknya?",
                "vi": "Hội thảo đã nâng cao hiểu biết của bạn về chủ đề này đến mức nào?",
                "th": "การฝึกอบรมนี้เพิ่มความรู้ของท่านในหัวข้อนี้มากเพียงใด",
            },
            [
                {
                    "en": "A lot",
                    "id": "Sangat banyak",
                    "ms": "Sangat banyak",
                    "vi": "Rất nhiều",
                    "th": "มาก",
                },
                {
                    "en": "Somewhat",
                    "id": "Cukup",
                    "ms": "Agak banyak",
                    "vi": "Khá nhiều",
                    "th": "ปานกลาง",
                },
                {
                    "en": "A little",
                    "id": "Sedikit",
                    "ms": "Sedikit",
                    "vi": "Một chút",
                    "th": "เล็กน้อย",
                },
                {
                    "en": "Not at all",
                    "id": "Tidak sama sekali",
                    "ms": "Langsung tidak",
                    "vi": "Không chút nào",
                    "th": "ไม่เลย",
                },
            ],
        ),
        (
            "most-useful",
            "multiple",
            False,
            {
                "en": "Which parts were most useful to you?",
                "id": "Bagian mana yang paling bermanfaat bagi Anda?",
                "ms": "Bahagian manakah yang paling berguna kepada anda?",
                "vi": "Những phần nào hữu ích nhất đối với bạn?",
                "th": "ส่วนใดมีประโยชน์ต่อท่านมากที่สุด",
            },
            [
                {
                    "en": "The presentations",
                    "id": "Presentasi",
                    "ms": "Pembentangan",
                    "vi": "Các bài trình bày",
                    "th": "การบรรยาย",
                },
                {
                    "en": "The case studies and exercises",
                    "id": "Studi kasus dan latihan",
                    "ms": "Kajian kes dan latihan",
                    "vi": "Các nghiên cứu tình huống và bài tập",
                    "th": "กรณีศึกษาและแบบฝึกหัด",
                },
                {
                    "en": "The discussions with colleagues from other countries",
                    "id": "Diskusi dengan rekan dari negara lain",
                    "ms": "Perbincangan dengan rakan dari negara lain",
                    "vi": "Thảo luận với đồng nghiệp từ các nước khác",
                    "th": "การอภิปรายกับเพื่อนร่วมงานจากประเทศอื่น",
                },
                {
                    "en": "The materials and resources",
                    "id": "Materi dan sumber daya",
                    "ms": "Bahan dan sumber",
                    "vi": "Tài liệu và nguồn tham khảo",
                    "th": "เอกสารและแหล่งข้อมูล",
                },
            ],
        ),
        (
            "recommend",
            "yes_no",
            True,
            {
                "en": "Would you recommend this workshop to a colleague?",
                "id": "Apakah Anda akan merekomendasikan lokakarya ini kepada rekan kerja?",
                "ms": "Adakah anda akan mengesyorkan bengkel ini kepada rakan sekerja?",
                "vi": "Bạn có giới thiệu hội thảo này cho đồng nghiệp không?",
                "th": "ท่านจะแนะนำการฝึกอบรมนี้ให้เพื่อนร่วมงานหรือไม่",
            },
            [],
        ),
        (
            "improve",
            "text",
            False,
            {
                "en": "What could we improve?",
                "id": "Apa yang bisa kami tingkatkan?",
                "ms": "Apakah yang boleh kami perbaiki?",
                "vi": "Chúng tôi có thể cải thiện điều gì?",
                "th": "เราควรปรับปรุงอะไรบ้าง",
            },
            [],
        ),
    ],
}

IMPACT = {
    "title": {
        "en": "Impact follow-up",
        "id": "Tindak lanjut dampak",
        "ms": "Susulan impak",
        "vi": "Khảo sát tác động",
        "th": "แบบติดตามผลกระทบ",
    },
    "intro": {
        "en": "A few months ago you took part in this training. Tell us what it has changed "
        "in your work: it helps us plan the next ones. It takes about five minutes.",
        "id": "Beberapa bulan lalu Anda mengikuti pelatihan ini. Ceritakan apa yang telah "
        "berubah dalam pekerjaan Anda: ini membantu kami merencanakan pelatihan berikutnya. "
        "Hanya perlu sekitar lima menit.",
        "ms": "Beberapa bulan lalu anda menyertai latihan ini. Beritahu kami apa yang telah "
        "berubah dalam kerja anda: ia membantu kami merancang latihan seterusnya. Ia "
        "mengambil masa kira-kira lima minit.",
        "vi": "Cách đây vài tháng bạn đã tham gia khóa đào tạo này. Hãy cho chúng tôi biết "
        "điều gì đã thay đổi trong công việc của bạn: điều đó giúp chúng tôi lên kế hoạch "
        "cho các khóa tiếp theo. Chỉ mất khoảng năm phút.",
        "th": "เมื่อไม่กี่เดือนก่อนท่านได้เข้าร่วมการฝึกอบรมนี้ โปรดบอกเราว่ามีอะไรเปลี่ยนแปลงในงาน"
        "ของท่านบ้าง ข้อมูลนี้ช่วยเราวางแผนการฝึกอบรมครั้งต่อไป ใช้เวลาประมาณห้านาที",
    },
    "questions": [
        (
            "applied",
            "yes_no",
            True,
            {
                "en": "Have you used what you learned in the training in your work?",
                "id": "Apakah Anda telah menerapkan apa yang Anda pelajari dalam pelatihan "
                "pada pekerjaan Anda?",
                "ms": "Adakah anda telah menggunakan apa yang anda pelajari dalam latihan "
                "dalam kerja anda?",
                "vi": "Bạn đã áp dụng những gì học được trong khóa đào tạo vào công việc chưa?",
                "th": "ท่านได้นำสิ่งที่เรียนรู้จากการฝึกอบรมไปใช้ในงานหรือไม่",
            },
            [],
        ),
        (
            "usefulness",
            "rating",
            True,
            {
                "en": "How useful has the training been for your work since then?",
                "id": "Seberapa bermanfaat pelatihan ini bagi pekerjaan Anda sejak saat itu?",
                "ms": "Sejauh manakah latihan ini berguna untuk kerja anda sejak itu?",
                "vi": "Từ đó đến nay, khóa đào tạo hữu ích cho công việc của bạn đến mức nào?",
                "th": "นับจากนั้น การฝึกอบรมมีประโยชน์ต่องานของท่านมากเพียงใด",
            },
            [],
        ),
        (
            "changes",
            "multiple",
            False,
            {
                "en": "What has changed in your work since the training?",
                "id": "Apa yang telah berubah dalam pekerjaan Anda sejak pelatihan?",
                "ms": "Apakah yang telah berubah dalam kerja anda sejak latihan?",
                "vi": "Điều gì đã thay đổi trong công việc của bạn kể từ khóa đào tạo?",
                "th": "มีอะไรเปลี่ยนแปลงในงานของท่านบ้างนับจากการฝึกอบรม",
            },
            [
                {
                    "en": "I identify cases and risks better",
                    "id": "Saya lebih baik dalam mengidentifikasi kasus dan risiko",
                    "ms": "Saya lebih baik mengenal pasti kes dan risiko",
                    "vi": "Tôi nhận diện các vụ việc và rủi ro tốt hơn",
                    "th": "ฉันระบุกรณีและความเสี่ยงได้ดีขึ้น",
                },
                {
                    "en": "I cooperate more with other agencies",
                    "id": "Saya lebih banyak bekerja sama dengan instansi lain",
                    "ms": "Saya lebih banyak bekerjasama dengan agensi lain",
                    "vi": "Tôi phối hợp nhiều hơn với các cơ quan khác",
                    "th": "ฉันร่วมมือกับหน่วยงานอื่นมากขึ้น",
                },
                {
                    "en": "I cooperate more with other countries",
                    "id": "Saya lebih banyak bekerja sama dengan negara lain",
                    "ms": "Saya lebih banyak bekerjasama dengan negara lain",
                    "vi": "Tôi hợp tác nhiều hơn với các nước khác",
                    "th": "ฉันร่วมมือกับประเทศอื่นมากขึ้น",
                },
                {
                    "en": "I have trained or briefed colleagues",
                    "id": "Saya telah melatih atau memberi pengarahan kepada rekan kerja",
                    "ms": "Saya telah melatih atau memberi taklimat kepada rakan sekerja",
                    "vi": "Tôi đã đào tạo hoặc phổ biến lại cho đồng nghiệp",
                    "th": "ฉันได้ฝึกอบรมหรือชี้แจงเพื่อนร่วมงาน",
                },
                {
                    "en": "Our procedures have changed",
                    "id": "Prosedur kami telah berubah",
                    "ms": "Prosedur kami telah berubah",
                    "vi": "Quy trình của chúng tôi đã thay đổi",
                    "th": "ขั้นตอนการทำงานของเราเปลี่ยนไป",
                },
            ],
        ),
        (
            "shared",
            "yes_no",
            True,
            {
                "en": "Have you shared the training's materials with colleagues?",
                "id": "Apakah Anda telah membagikan materi pelatihan kepada rekan kerja?",
                "ms": "Adakah anda telah berkongsi bahan latihan dengan rakan sekerja?",
                "vi": "Bạn đã chia sẻ tài liệu của khóa đào tạo với đồng nghiệp chưa?",
                "th": "ท่านได้แบ่งปันเอกสารการฝึกอบรมกับเพื่อนร่วมงานหรือไม่",
            },
            [],
        ),
        (
            "example",
            "text",
            False,
            {
                "en": "Please describe an example of how you applied what you learned.",
                "id": "Jelaskan satu contoh bagaimana Anda menerapkan apa yang Anda pelajari.",
                "ms": "Sila huraikan satu contoh bagaimana anda menggunakan apa yang anda "
                "pelajari.",
                "vi": "Vui lòng mô tả một ví dụ về cách bạn đã áp dụng những gì học được.",
                "th": "โปรดยกตัวอย่างว่าท่านนำสิ่งที่เรียนรู้ไปใช้อย่างไร",
            },
            [],
        ),
        (
            "needs",
            "text",
            False,
            {
                "en": "What further training would help you?",
                "id": "Pelatihan lanjutan apa yang akan membantu Anda?",
                "ms": "Latihan lanjutan apakah yang akan membantu anda?",
                "vi": "Khóa đào tạo tiếp theo nào sẽ giúp ích cho bạn?",
                "th": "การฝึกอบรมเพิ่มเติมด้านใดจะช่วยท่านได้",
            },
            [],
        ),
    ],
}

TEMPLATES = {"evaluation": EVALUATION, "impact": IMPACT}
LANGUAGES = ("id", "ms", "vi", "th")


def _columns(field, texts):
    return {field: texts["en"], **{f"{field}_{code}": texts[code] for code in LANGUAGES}}


def create_templates(apps, schema_editor):
    SurveyTemplate = apps.get_model("surveys", "SurveyTemplate")
    Question = apps.get_model("surveys", "Question")
    Choice = apps.get_model("surveys", "Choice")
    for kind, spec in TEMPLATES.items():
        if SurveyTemplate.objects.filter(kind=kind, title=spec["title"]["en"]).exists():
            continue
        template = SurveyTemplate.objects.create(
            kind=kind,
            is_default=not SurveyTemplate.objects.filter(kind=kind, is_default=True).exists(),
            **_columns("title", spec["title"]),
            **_columns("intro", spec["intro"]),
        )
        for order, (key, question_kind, required, texts, choices) in enumerate(
            spec["questions"], start=1
        ):
            question = Question.objects.create(
                template=template,
                key=key,
                kind=question_kind,
                is_required=required,
                order=order,
                **_columns("text", texts),
            )
            Choice.objects.bulk_create(
                Choice(question=question, order=number, **_columns("label", labels))
                for number, labels in enumerate(choices, start=1)
            )


def delete_templates(apps, schema_editor):
    SurveyTemplate = apps.get_model("surveys", "SurveyTemplate")
    WorkshopSurvey = apps.get_model("surveys", "WorkshopSurvey")
    Question = apps.get_model("surveys", "Question")
    Choice = apps.get_model("surveys", "Choice")
    ids = []
    for kind, spec in TEMPLATES.items():
        ids += SurveyTemplate.objects.filter(kind=kind, title=spec["title"]["en"]).values_list(
            "pk", flat=True
        )
    in_use = set(
        WorkshopSurvey.objects.filter(template_id__in=ids).values_list("template_id", flat=True)
    )
    ids = [pk for pk in ids if pk not in in_use]
    # Children first, by id and without the cascade collector: going backwards, the
    # historical models of related apps may be of another state, and the collector
    # refuses to match their instances. Unused templates have no answers to protect.
    using = schema_editor.connection.alias
    questions = list(Question.objects.filter(template_id__in=ids).values_list("pk", flat=True))
    Choice.objects.filter(question_id__in=questions)._raw_delete(using)
    Question.objects.filter(pk__in=questions)._raw_delete(using)
    SurveyTemplate.objects.filter(pk__in=ids)._raw_delete(using)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(create_templates, delete_templates)]
