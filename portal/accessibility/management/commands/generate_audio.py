"""Record read-aloud audio of live articles.

    manage.py generate_audio --missing     # articles whose live version has no recording yet
    manage.py generate_audio --all         # every live article again (after changing engine)
    manage.py generate_audio --article 42  # one article

Progress goes to standard output, one line per article. `run_scheduler` runs
`--missing --time-budget 30` every minute, which fills in articles published in bulk (the demo,
an import) as fast as the machine records them while leaving it half of each minute.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef

from portal.accessibility.models import ArticleAudio
from portal.accessibility.services import article_audio_generate, read_aloud_config
from portal.news import selectors as news


class Command(BaseCommand):
    help = "Tạo bản đọc (âm thanh) cho các bài viết đang xuất bản."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--missing", action="store_true", help="Chỉ các bài chưa có bản đọc của phiên bản đang xuất bản."
        )
        which.add_argument("--all", action="store_true", help="Tạo lại bản đọc cho mọi bài.")
        which.add_argument("--article", type=int, help="Chỉ một bài (theo mã số).")
        parser.add_argument("--limit", type=int, default=0, help="Nhiều nhất bấy nhiêu bài (0: không giới hạn).")
        parser.add_argument(
            "--time-budget",
            type=float,
            default=0,
            help="Không bắt đầu bài mới sau bấy nhiêu giây (0: không giới hạn).",
        )
        parser.add_argument("--retry-failed", action="store_true", help="Với --missing: thử lại cả các bài đã lỗi.")
        parser.add_argument(
            "--skip-unavailable",
            action="store_true",
            help="Không báo lỗi khi bộ đọc chưa cài (dùng cho lịch chạy định kỳ).",
        )

    def handle(self, *args, missing, all, article, limit, retry_failed, skip_unavailable, time_budget, **options):
        say = self.stdout.write if options.get("verbosity", 1) >= 1 else (lambda *a, **k: None)
        config = read_aloud_config()
        if not config.enabled:
            say("Chức năng đọc bài viết đang tắt (Cài đặt → Đọc bài viết).")
            return
        engine = config.build_engine()
        if not engine.available():
            if skip_unavailable:
                return
            raise CommandError(f"Bộ đọc “{config.engine}” chưa sẵn sàng trên máy chủ (xem docs/read-aloud.md).")
        pages = news.published_articles()
        if article:
            pages = pages.filter(pk=article)
            if not pages.exists():
                raise CommandError(f"Không có bài viết đang xuất bản mã số {article}.")
        elif missing:
            done = ArticleAudio.objects.filter(
                page=OuterRef("pk"),
                revision_id=OuterRef("live_revision_id"),
                engine=config.engine,
                voice=engine.voice,
                speed=config.speed,
                status__in=[ArticleAudio.Status.READY] + ([] if retry_failed else [ArticleAudio.Status.FAILED]),
            )
            pages = pages.exclude(Exists(done))
        ids = list(pages.values_list("pk", flat=True)[:limit] if limit else pages.values_list("pk", flat=True))
        total, failed, seconds = len(ids), 0, 0.0
        started = time.monotonic()
        for number, page_id in enumerate(ids, start=1):
            if number > 1 and time_budget and time.monotonic() - started >= time_budget:  # one at least
                say(f"Dừng sau {time_budget:g} giây; còn {total - number + 1} bài cho lần chạy sau.")
                total = number - 1
                break
            audio = article_audio_generate(page_id, force=bool(all or article))
            if audio is None:
                continue
            title = audio.page.title[:60]
            if audio.status == ArticleAudio.Status.READY:
                seconds += audio.duration
                say(f"[{number}/{total}] {title}: {audio.duration:.1f} giây, {audio.size // 1024} KB")
            else:
                failed += 1
                say(f"[{number}/{total}] {title}: LỖI {audio.error}")
        say(f"Xong: {total - failed}/{total} bài, {seconds / 60:.1f} phút âm thanh.")
        if failed:
            raise CommandError(f"{failed} bài không tạo được bản đọc.")
