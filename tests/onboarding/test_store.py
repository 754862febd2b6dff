"""Uniqueness enforced by conditional writes, reads from keys and indexes (moto)."""

from __future__ import annotations

from processing.onboarding.registry import CUSTOMER, DEPARTMENT
from services.onboarding.records import plan_record
from store.onboarding import (
    CREATED,
    EXISTS,
    REPLAYED,
    create_record,
    create_records,
    delete_records,
    get_by_unique,
    get_record,
    list_records,
)
from store.onboarding_models import OnboardingRecord, UniqueKey


def customer(email: str, origin: str):
    return plan_record(CUSTOMER, {"name": "Some One", "email": email}, origin=origin)


def test_a_second_record_with_the_same_email_in_another_case_names_the_first(moto_store):
    first = create_record(customer("Ann@Example.com", "job-a#2"))
    second = create_record(customer("ann@example.COM", "job-b#7"))
    assert first.status == CREATED
    assert (second.status, second.clash_field, second.existing_id) == (EXISTS, "email", first.record_id)
    assert get_record("customer", second.record_id) is None  # the transaction wrote neither item
    assert OnboardingRecord.count() == 1 and UniqueKey.count() == 1


def test_writing_the_same_origin_again_is_a_replay_not_a_clash(moto_store):
    first = create_record(customer("ann@example.com", "job-a#2"))
    again = create_record(customer("ann@example.com", "job-a#2"))
    assert (again.status, again.record_id) == (REPLAYED, first.record_id)


def test_an_id_taken_by_another_file_is_already_existing_even_with_the_same_record_key(moto_store):
    create_record(plan_record(DEPARTMENT, {"id": 5, "department": "Sales"}, origin="job-a#1"))
    clash = create_record(plan_record(DEPARTMENT, {"id": 5, "department": "Legal"}, origin="job-b#1"))
    assert (clash.status, clash.clash_field, clash.existing_id) == (EXISTS, "id", "5")
    assert get_record("department", "5").data == {"id": 5, "department": "Sales"}


def test_a_clash_inside_a_shared_transaction_does_not_stop_the_others(moto_store):
    create_record(customer("taken@example.com", "old#1"))
    batch = [customer(f"c{i}@example.com", f"job#{i}") for i in range(30)]
    batch[13] = customer("TAKEN@example.com", "job#13")
    outcomes = create_records(batch, writers=3)
    assert [o.status for o in outcomes].count(CREATED) == 29
    assert outcomes[13].status == EXISTS
    assert OnboardingRecord.count() == 30


def test_lookup_by_email_goes_through_the_uniqueness_item(moto_store):
    created = create_record(customer("Mixed.Case@Example.com", "job#1"))
    found = get_by_unique("customer", "email", "mixed.case@example.com")
    assert found is not None and found.record_id == created.record_id
    assert get_by_unique("customer", "email", "nobody@example.com") is None


def test_listing_pages_through_the_list_index_in_creation_order(moto_store):
    ids = [create_record(customer(f"p{i}@example.com", f"job#{i}")).record_id for i in range(7)]
    seen, cursor = [], None
    while True:
        page = list_records("customer", first=3, after=cursor)
        seen += [r.record_id for r in page.records]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ids


def test_undo_deletes_only_records_still_carrying_the_origin(moto_store):
    mine = customer("mine@example.com", "job-a#2")
    create_record(mine)
    create_record(plan_record(DEPARTMENT, {"id": 9, "department": "Sales"}, origin="job-other#1"))
    not_mine = plan_record(DEPARTMENT, {"id": 9, "department": "Sales"}, origin="job-a#3")
    assert delete_records([mine, not_mine]) == 1
    assert get_record("department", "9") is not None and UniqueKey.count() == 1
    assert get_by_unique("customer", "email", "mine@example.com") is None
