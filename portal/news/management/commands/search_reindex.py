"""Index every live article again for the public search (`manage.py search_reindex`)."""

from django.core.management.base import BaseCommand

from portal.news.services import article_search_index_rebuild


class Command(BaseCommand):
    help = "Lập lại chỉ mục tìm kiếm cho mọi bài viết đang xuất bản."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] >= 1:
                self.stdout.write(f"\r{done}/{total}", ending="")

        count = article_search_index_rebuild(progress=progress)
        self.stdout.write(f"\nĐã lập chỉ mục {count} bài viết.")
