"""Test helpers shared by every app: staff accounts in a role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def make_user(username: str, group_name: str):
    user = get_user_model().objects.create_user(username=username, password="x-Secret-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user
