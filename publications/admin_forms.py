"""Forms behind the staff admin of publications, news and newsletter issues.

The model constraints already refuse the same input; these forms only put the
message on the field to fix instead of at the top of the page.
"""

from django import forms

from core.admin_forms import UniqueSlugFormMixin, flag_duplicates

from .choices import ArticleStatus
from .models import NewsArticle, NewsletterIssue, PublicationFile

DUPLICATE_FILE = next(
    constraint.violation_error_message
    for constraint in PublicationFile._meta.constraints
    if constraint.name == "publications_publicationfile_unique_language_format"
)


class PublicationFileFormSet(forms.BaseInlineFormSet):
    def clean(self):
        flag_duplicates(self, ["language", "format"], DUPLICATE_FILE)
        super().clean()


class NewsArticleForm(UniqueSlugFormMixin, forms.ModelForm):
    class Meta:
        model = NewsArticle
        fields = [
            "title",
            "slug",
            "status",
            "published_at",
            "summary",
            "body",
            "image",
            "image_alt",
            "thematic_areas",
            "related_workshops",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == ArticleStatus.PUBLISHED and not cleaned_data.get(
            "published_at"
        ):
            self.add_error(
                "published_at",
                "Give a publication time to publish the article; it may be in the future.",
            )
        if cleaned_data.get("image") and not cleaned_data.get("image_alt"):
            self.add_error("image_alt", "Describe the image for readers who cannot see it.")
        return cleaned_data


class NewsletterIssueForm(UniqueSlugFormMixin, forms.ModelForm):
    class Meta:
        model = NewsletterIssue
        fields = [
            "number",
            "title",
            "slug",
            "issued_on",
            "period_starts_on",
            "period_ends_on",
            "introduction",
            "is_published",
        ]

    def clean(self):
        cleaned_data = super().clean()
        starts_on = cleaned_data.get("period_starts_on")
        ends_on = cleaned_data.get("period_ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("period_ends_on", "The period must end on or after its start.")
        return cleaned_data
