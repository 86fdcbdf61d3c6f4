"""Fill a test or benchmark database with synthetic articles: `seed_synthetic --articles N`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from portal.news.synthetic import seed_synthetic


class Command(BaseCommand):
    help = "Tạo N bài viết tổng hợp (dữ liệu thử nghiệm) để đo tốc độ tìm kiếm và danh sách."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Số bài viết cần tạo.")
        parser.add_argument("--categories", type=int, default=10, help="Số chuyên mục thử nghiệm (mặc định 10).")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026, help="Hạt giống ngẫu nhiên (cùng hạt → cùng dữ liệu).")
        parser.add_argument("--no-index", action="store_true", help="Không cập nhật chỉ mục tìm kiếm.")
        parser.add_argument("--force", action="store_true", help="Cho phép chạy cả khi DEBUG tắt (máy chủ thật).")

    def handle(self, *args, articles, categories, batch_size, seed, no_index, force, **options):
        if articles < 1 or categories < 1 or batch_size < 1:
            raise CommandError("Số bài viết, số chuyên mục và cỡ lô phải lớn hơn 0.")
        if not settings.DEBUG and not force and not getattr(settings, "PORTAL_ALLOW_SYNTHETIC", False):
            raise CommandError("Dữ liệu thử nghiệm chỉ dành cho máy phát triển; dùng --force nếu thật sự cần.")
        with tqdm(total=articles, unit="bài", disable=options["verbosity"] == 0) as bar:
            report = seed_synthetic(
                articles=articles,
                categories=categories,
                batch_size=batch_size,
                seed=seed,
                index=not no_index,
                progress=bar.update,
            )
        rate = "" if no_index else f", lập chỉ mục {report.index_rate:.0f} bài/giây"
        self.stdout.write(f"Đã tạo {report.articles} bài viết trong {report.insert_seconds:.1f} giây{rate}.")
