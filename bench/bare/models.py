from django.db import models


class Item(models.Model):
    title = models.CharField(max_length=200)
    published_on = models.DateField()

    class Meta:
        app_label = "bare"

    def __str__(self):
        return self.title
