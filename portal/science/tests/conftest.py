import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.science.models import Organisation, Task
from portal.science.roles import TASK_MANAGERS


@pytest.fixture
def manager(db, home):
    user = get_user_model().objects.create_user("quanlynv", password="x-Secret-123", first_name="Thảo")
    user.groups.add(Group.objects.get(name=TASK_MANAGERS))
    return user


@pytest.fixture
def editor(db, home):
    from portal.core.roles import EDITORS

    user = get_user_model().objects.create_user("bientap", password="x-Secret-123")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def host(db):
    return Organisation.objects.create(name="Trường Đại học Nông Lâm")


@pytest.fixture
def make_task(host):
    def make(code="ĐT.01/2024", **values):
        defaults = {
            "title": "Ứng dụng nông nghiệp công nghệ cao trong sản xuất rau",
            "kind": "de-tai",
            "level": "tinh",
            "field": "nong-nghiep",
            "host": host,
            "investigator": "TS. Nguyễn Văn An",
            "members": "ThS. Trần Thị Bí Mật",
            "start": dt.date(2024, 3, 1),
            "end": dt.date(2025, 9, 1),
            "budget_province": 850_000_000,
        }
        defaults.update(values)
        task = Task(code=code, **defaults)
        task.full_clean()
        task.save()
        return task

    return make
