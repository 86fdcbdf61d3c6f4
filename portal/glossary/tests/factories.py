"""Test data of the glossary tests."""

from portal.glossary.selectors import Entry

ENTRIES = (
    Entry("KH&CN", "khoa học và công nghệ"),
    Entry("UBND", "Ủy ban nhân dân"),
    Entry("CSTĐ", "chiến sĩ thi đua"),
    Entry("CSTĐCS", "chiến sĩ thi đua cơ sở"),
    Entry("NĐ-CP", 'nghị định của "Chính phủ"'),
)
