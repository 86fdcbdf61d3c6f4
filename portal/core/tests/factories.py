"""Test helpers shared by every app: staff accounts in a role, browsers' user agents."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def make_user(username: str, group_name: str):
    user = get_user_model().objects.create_user(username=username, password="x-Secret-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)


TABLET = (
    "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/604.1"
)
