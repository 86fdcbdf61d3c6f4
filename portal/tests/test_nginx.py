"""deploy/nginx.conf as shipped: `nginx -t` accepts it, and run on loopback ports in front of a
live portal it redirects HTTP to HTTPS, serves anonymous pages from its micro-cache, never
caches for sessions, previews or private responses, compresses text and marks hashed static
files immutable. Only ports and paths are rewritten. Runs where nginx is installed (CI installs
Debian's nginx-light)."""

from __future__ import annotations

import datetime as dt
import gzip
import http.client
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from portal.core.localstack import NGINX, loopback_tls_context, render_nginx, wait_port
from portal.core.localstack import free_port as _free_port

pytestmark = pytest.mark.skipif(not NGINX or not shutil.which("openssl"), reason="nginx and openssl not installed")


def _config(tmp: Path, *, upstream: str, http_port: int, https_port: int) -> Path:
    return render_nginx(tmp, upstreams=[upstream], http_port=http_port, https_port=https_port)


def test_the_shipped_config_passes_nginx_t(tmp_path):
    main = _config(tmp_path, upstream="127.0.0.1:8000", http_port=_free_port(), https_port=_free_port())
    result = subprocess.run([NGINX, "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


@pytest.fixture
def nginx(tmp_path, live_server, home):
    http_port, https_port = _free_port(), _free_port()
    upstream = live_server.url.removeprefix("http://")
    main = _config(tmp_path, upstream=upstream, http_port=http_port, https_port=https_port)
    (tmp_path / "static" / "portal.0123456789ab.css").write_text("body { color: #222; }\n" * 60)
    process = subprocess.Popen(
        [NGINX, "-c", str(main), "-p", str(tmp_path), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_port("127.0.0.1", https_port, 10)
    yield http_port, https_port
    process.terminate()
    process.wait(timeout=10)


def _get(port: int, path: str, *, tls: bool = True, headers: dict | None = None):
    if tls:
        context = loopback_tls_context()
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=20)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_the_stack_redirects_caches_and_bypasses_as_documented(nginx, settings):
    http_port, https_port = nginx
    settings.ALLOWED_HOSTS = ["*"]
    redirect, _body = _get(http_port, "/tin-tuc/?trang=2", tls=False)
    assert redirect.status == 301 and redirect.getheader("Location").startswith("https://127.0.0.1")

    first, body = _get(https_port, "/")
    assert first.status == 200 and first.getheader("X-Micro-Cache") in ("MISS", "EXPIRED")
    second, cached = _get(https_port, "/")
    assert second.getheader("X-Micro-Cache") == "HIT" and cached == body
    assert second.getheader("Server") == "nginx"  # no version

    # Staff (a session cookie) and previews go to the app, and nothing they see is stored.
    staff, _body = _get(https_port, "/", headers={"Cookie": "__Host-sessionid=abc"})
    assert staff.getheader("X-Micro-Cache") == "BYPASS"
    preview, _body = _get(https_port, "/?preview=1")
    assert preview.getheader("X-Micro-Cache") == "BYPASS"

    # A page marked private and setting a cookie (the tracking form) is never served from cache.
    for _ in range(2):
        private, _body = _get(https_port, "/phan-anh-kien-nghi/tra-cuu/")
        assert private.status == 200 and private.getheader("X-Micro-Cache") != "HIT"

    compressed, raw = _get(https_port, "/", headers={"Accept-Encoding": "gzip"})
    assert compressed.getheader("Content-Encoding") == "gzip" and b"<html" in gzip.decompress(raw)

    static, _body = _get(https_port, "/static/portal.0123456789ab.css")
    assert static.status == 200 and "immutable" in static.getheader("Cache-Control")
    assert static.getheader("X-Content-Type-Options") == "nosniff"

    health, _body = _get(https_port, "/healthz")
    assert health.status == 200 and health.getheader("X-Micro-Cache") is None

    # The API's article list is micro-cached too, except for a client sending a token.
    _get(https_port, "/api/v1/articles?page_size=5")
    listed, _body = _get(https_port, "/api/v1/articles?page_size=5")
    assert listed.status == 200 and listed.getheader("X-Micro-Cache") == "HIT"
    token, _body = _get(https_port, "/api/v1/articles?page_size=5", headers={"Authorization": "Bearer abc"})
    assert token.getheader("X-Micro-Cache") == "BYPASS"
    for _ in range(2):
        other, _body = _get(https_port, "/api/v1/science-tasks")
        assert other.getheader("X-Micro-Cache") is None  # the rest of the API: never


def test_a_publish_refreshes_the_page_and_its_category_in_the_micro_cache(nginx, settings, home):
    from wagtail.models import Site

    from portal.news.tests.factories import make_article, make_category

    _http_port, https_port = nginx
    settings.ALLOWED_HOSTS = ["*"]
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "portal.core.frontcache.NginxRefreshBackend",
            "LOCATION": f"https://127.0.0.1:{https_port}",
        }
    }
    site = Site.objects.get(is_default_site=True)
    headers = {"Host": site.hostname}
    category = make_category(home, "Hoạt động của Sở")
    sibling = make_article(category, "Hội thảo về chuyển đổi số", date=timezone.now() - dt.timedelta(days=1))
    article = make_article(category, "Hội nghị tổng kết công tác khoa học")
    article_path, category_path, sibling_path = (
        page.url_path[len(home.url_path) - 1 :] for page in (article, category, sibling)
    )
    # The sibling lists the new article under "Bài viết khác": its copy, stored when it was
    # published, was refreshed when the article was.
    for path in (article_path, category_path, sibling_path):
        _get(https_port, path, headers=headers)
        cached, body = _get(https_port, path, headers=headers)
        assert cached.getheader("X-Micro-Cache") == "HIT" and "Hội nghị tổng kết công tác khoa học" in body.decode()

    from portal.core.frontcache import urls_for

    paths = [url.split(site.hostname, 1)[1].lstrip(":0123456789") for url in urls_for(article)]
    assert {article_path, category_path, "/", "/rss/", "/sitemap.xml"} <= set(paths)

    article.title = "Hội nghị tổng kết công tác khoa học năm nay"
    article.save_revision().publish()  # the refresh runs after the commit, through the task

    for path in (article_path, category_path, sibling_path):
        response, body = _get(https_port, path, headers=headers)
        assert response.getheader("X-Micro-Cache") == "HIT", path  # served from the cache…
        assert "Hội nghị tổng kết công tác khoa học năm nay" in body.decode(), path  # …already new

    # From outside the loopback the header changes nothing (checked by the map's address test):
    # here every request is from 127.0.0.1, so only the header's value is checked.
    response, _body = _get(https_port, article_path, headers={**headers, "X-Portal-Refresh": "yes"})
    assert response.getheader("X-Micro-Cache") == "HIT"


def test_counters_keep_working_on_a_micro_cached_page(nginx, settings, home):
    """A cached article is the same HTML for everyone: no form token in it, and its visit beacon
    (the API, never cached) still counts each reading and answers the live counters."""
    import json
    import re

    from wagtail.models import Site

    from portal.news.tests.factories import make_article, make_category

    _http_port, https_port = nginx
    settings.ALLOWED_HOSTS = ["*"]
    site = Site.objects.get(is_default_site=True)
    article = make_article(make_category(home, "Tin khoa học"), "Ngày hội đổi mới sáng tạo")
    path = article.url_path[len(home.url_path) - 1 :]
    _get(https_port, path, headers={"Host": site.hostname})
    cached, body = _get(https_port, path, headers={"Host": site.hostname})
    html = body.decode()
    assert cached.getheader("X-Micro-Cache") == "HIT"
    assert "csrfmiddlewaretoken" not in html and cached.getheader("Set-Cookie") is None
    beacon = re.search(r'data-visit-beacon="([^"]+)"', html).group(1)
    assert f'data-page-id="{article.pk}"' in html

    counts = []
    for agent in ("Mozilla/5.0 (Linux; Android 14) Chrome/130", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/605"):
        context = loopback_tls_context()
        connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=context, timeout=20)
        connection.request(
            "POST",
            beacon,
            body=json.dumps({"page": article.pk, "referrer": ""}),
            headers={"Host": site.hostname, "Content-Type": "application/json", "User-Agent": agent,
                     "Origin": f"https://{site.hostname}"},
        )  # fmt: skip
        response = connection.getresponse()
        data = json.loads(response.read())
        connection.close()
        assert response.status == 200 and response.getheader("X-Micro-Cache") is None, data
        counts.append(data["page_views"])
    assert counts[1] > counts[0] >= 1  # two readers of the cached page, two readings counted

    # The satisfaction question in the footer of the same cached page posts without a form
    # token (none can be in a shared copy) and is answered by the portal, not by the cache.
    from urllib.parse import urlencode

    from portal.feedback.models import SiteRating

    assert re.search(r'<form method="post" action="(/danh-gia-hai-long/)" data-site-rating>', html)
    score = re.search(r'name="score" value="(\d+)"', html).group(1)
    before = SiteRating.objects.count()
    connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=loopback_tls_context(), timeout=20)
    connection.request(
        "POST",
        "/danh-gia-hai-long/",
        body=urlencode({"score": score, "comment": "", "next": path}),
        headers={"Host": site.hostname, "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/json", "Origin": f"https://{site.hostname}"},
    )  # fmt: skip
    rated = connection.getresponse()
    answer = json.loads(rated.read())
    connection.close()
    assert rated.status == 201 and answer["ok"] and rated.getheader("X-Micro-Cache") in (None, "BYPASS"), answer
    assert SiteRating.objects.count() == before + 1
