"""Test data of the search tests."""

from zoneinfo import ZoneInfo

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def titles(results):
    return [a.title for a in results[:20]]
