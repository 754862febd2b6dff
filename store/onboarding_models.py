"""Tables for onboarded business records (customers, projects, HR tables).

One shared ``onboarding-records`` table keyed by ``<model>#<record id>``, and a
``unique-keys`` table whose items exist only to make a unique value unique: a record and
its uniqueness items are written in one transaction conditioned on none of them existing,
so a duplicate cancels both and no scan is ever needed. Lists and reports are served by
indexes: ``list-index`` (one partition per model, creation order) and ``hires-index``
(hired employees by year, in time order).
"""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from store.models import BaseModel


class ListIndex(GlobalSecondaryIndex["OnboardingRecord"]):
    """Every record of a model, oldest first: serves lists, backups and the HR lookups."""

    class Meta:
        index_name = "list-index"
        projection = AllProjection()

    list_pk = UnicodeAttribute(hash_key=True)  # <model>
    list_sk = UnicodeAttribute(range_key=True)  # <created sortable>#<record id>


class HiresIndex(GlobalSecondaryIndex["OnboardingRecord"]):
    """Sparse: hired employees with a hire time, one partition per year."""

    class Meta:
        index_name = "hires-index"
        projection = AllProjection()

    hires_pk = UnicodeAttribute(hash_key=True)  # hired#<year>
    hires_sk = UnicodeAttribute(range_key=True)  # <hire time sortable>#<record id>


class OnboardingRecord(BaseModel):
    base_table_name = "onboarding-records"

    class Meta(BaseModel.Meta):
        table_name = "onboarding-records"

    record_key = UnicodeAttribute(hash_key=True)  # <model>#<record id>
    model = UnicodeAttribute()  # the model's key: customer, project, department, jobtitle, hiredemployee
    record_id = UnicodeAttribute()
    data = JSONAttribute()  # field -> JSON value (dates ISO, money as a decimal string)
    created_at = UTCDateTimeAttribute()
    origin = UnicodeAttribute(null=True)  # <job id>#<row>, api, restore: tells a replay from a clash
    list_pk = UnicodeAttribute()
    list_sk = UnicodeAttribute()
    hires_pk = UnicodeAttribute(null=True)
    hires_sk = UnicodeAttribute(null=True)

    list_index = ListIndex()
    hires_index = HiresIndex()


class UniqueKey(BaseModel):
    """``customer#email#jane@example.com`` -> the record that owns the value."""

    base_table_name = "unique-keys"

    class Meta(BaseModel.Meta):
        table_name = "unique-keys"

    unique_key = UnicodeAttribute(hash_key=True)
    record_key = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()


ONBOARDING_MODELS: list[type[BaseModel]] = [OnboardingRecord, UniqueKey]

__all__ = ["HiresIndex", "ListIndex", "ONBOARDING_MODELS", "OnboardingRecord", "UniqueKey"]
