from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.accessibility import views as accessibility_views
from portal.api import api
from portal.awards import views as awards_views
from portal.core import health
from portal.core import views as core_views
from portal.core.sitemaps import SITEMAPS
from portal.core.staff import views as staff_views
from portal.feedback import views as feedback_views
from portal.glossary import views as glossary_views
from portal.news import views as news_views
from portal.science import statistics_views
from portal.science import views as science_views
from portal.search import views as search_views

urlpatterns = [
    *staff_views.urlpatterns_for(settings.ADMIN_PATH),
    path(settings.DJANGO_ADMIN_PATH, admin.site.urls),
    path(settings.ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("tim-kiem/", search_views.search, name="search"),
    path("tu-viet-tat/", glossary_views.glossary_page, name="glossary"),
    path("doc-bai/<int:pk>.mp3", accessibility_views.article_audio_file, name="article_audio"),
    path("phan-anh-kien-nghi/", feedback_views.petitions_home, name="petitions_home"),
    path("phan-anh-kien-nghi/gui/", feedback_views.petition_form, name="petition_form"),
    path("phan-anh-kien-nghi/tra-cuu/", feedback_views.petition_track, name="petition_track"),
    path("phan-anh-kien-nghi/danh-gia/", feedback_views.petition_rate_view, name="petition_rate"),
    path("phan-anh-kien-nghi/tep/<str:token>/", feedback_views.answer_file, name="petition_answer_file"),
    path("hoi-dap/", feedback_views.questions, name="questions"),
    path("hoi-dap/<slug:slug>/", feedback_views.question_detail, name="question"),
    path("danh-gia-hai-long/", feedback_views.site_rating, name="site_rating"),
    path("bang-vang/", awards_views.honor_roll_page, name="awards_honor_roll"),
    path("cong-khai-khen-thuong/", awards_views.disclosures_page, name="awards_disclosures"),
    path("cong-khai-khen-thuong/<int:pk>/", awards_views.disclosure_page, name="awards_disclosure"),
    path("nhiem-vu-khcn/dang-tien-hanh/", science_views.running_page, name="science_running"),
    path("nhiem-vu-khcn/ket-qua/", science_views.results_page, name="science_results"),
    path("nhiem-vu-khcn/ket-qua/rss/", science_views.results_feed, name="science_results_rss"),
    path("nhiem-vu-khcn/<int:pk>/", science_views.task_page, name="science_task"),
    path("thong-ke-khcn/", statistics_views.statistics_page, name="science_statistics"),
    path("thong-ke-khcn/du-lieu-mo/", statistics_views.open_data_page, name="science_open_data"),
    path("thong-ke-khcn/<slug:slug>.csv", statistics_views.statistics_csv, name="science_statistics_csv"),
    path("thong-ke-khcn/<slug:slug>.json", statistics_views.statistics_json, name="science_statistics_json"),
    path("rss/", news_views.site_rss, name="rss"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("so-do-cong-thong-tin/", core_views.html_sitemap, name="html_sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "portal.core.errors.server_error"
