import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
django_application = get_wsgi_application()

# Page-cache hits are answered before Django's handler (portal.core.middleware).
from portal.core.middleware import PageCacheApplication  # noqa: E402

application = PageCacheApplication(django_application)
