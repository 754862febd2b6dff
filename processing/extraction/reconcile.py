"""The file checks the reading: how many of its own stated totals the extracted entries reproduce.

Every total a sheet states (a row's Total / Gross / Days, a TOTAL row, a formula that adds up a row's
day cells) is recomputed from the entries read from that sheet. The count per sheet goes into the
result (``reconciliation``), and candidate readings of one sheet are compared by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from processing.model import Entry, StatedTotal, Timecard

CENT = Decimal("0.01")


class _Cards:
    """Timecards indexed by name, so each stated total finds its people in constant time (a 10,000-row grid
    states 10,000 row totals)."""

    def __init__(self, cards: list[Timecard]):
        self.all = cards
        self.by_name: dict[str, list[Timecard]] = defaultdict(list)
        for card in cards:
            self.by_name[card.employee].append(card)

    def for_total(self, stated: StatedTotal) -> list[Timecard]:
        if stated.scope == "employee":
            return [c for c in self.by_name.get(stated.employee or "", [])
                    if stated.employee_id is None or c.employee_id in (None, stated.employee_id)]
        if stated.covers is not None:
            return [c for name in dict.fromkeys(stated.covers) for c in self.by_name.get(name, [])]
        return self.all


def _entries_for(stated: StatedTotal, cards: _Cards) -> list[Entry]:
    entries = []
    for card in cards.for_total(stated):
        for entry in card.entries:
            if stated.sheet and entry.sources and all(s.sheet != stated.sheet for s in entry.sources):
                continue
            if stated.date_from and entry.date < stated.date_from:
                continue
            if stated.date_to and entry.date > stated.date_to:
                continue
            entries.append(entry)
    return entries


def recomputed(stated: StatedTotal, entries: list[Entry]) -> Decimal | None:
    """The figure the entries give for this total, on the total's own terms."""
    worked = [e for e in entries if e.worked]
    if stated.measure == "days":  # a half day counts half, as the file's own "Days" column counts it
        return sum((e.day_fraction if e.day_fraction is not None else Decimal(1) for e in worked), Decimal(0))
    if stated.measure == "average":
        hours = [e.hours for e in worked if e.hours is not None]
        return sum(hours, Decimal(0)) / len(hours) if hours else None
    values = [getattr(e, stated.measure) for e in entries]
    values = [v for v in values if v is not None]
    if not values:
        return Decimal(0) if stated.value == 0 else None
    total = sum(values, Decimal(0))
    if stated.measure == "pay" and stated.includes_nonwage:
        total += stated.nonwage
    return total


def tolerance(stated: StatedTotal, n_entries: int) -> Decimal:
    """A cent (or a hundredth of an hour) per entry summed: files round each day before adding."""
    if stated.measure == "days":
        return Decimal(0)
    return CENT * max(1, n_entries) + Decimal("0.005")


def is_reproduced(stated: StatedTotal, cards: list[Timecard] | _Cards) -> bool:
    entries = _entries_for(stated, cards if isinstance(cards, _Cards) else _Cards(cards))
    figure = recomputed(stated, entries)
    return figure is not None and abs(figure - stated.value) <= tolerance(stated, len(entries))


def all_totals(cards: Iterable[Timecard], loose: Iterable[StatedTotal]) -> list[StatedTotal]:
    return [t for c in cards for t in c.stated_totals] + list(loose)


def reconcile(cards: list[Timecard], loose: list[StatedTotal]) -> dict[str, dict[str, int]]:
    """Per sheet name: {"stated": n, "reproduced": m}."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"stated": 0, "reproduced": 0})
    indexed = _Cards(cards)
    for stated in all_totals(cards, loose):
        key = stated.sheet or (stated.source.sheet if stated.source else "")
        counts[key]["stated"] += 1
        counts[key]["reproduced"] += int(is_reproduced(stated, indexed))
    # A row's own Total Hours column (ST + OT + DT) is a total the file states too.
    for card in cards:
        for entry in card.entries:
            if entry.stated_hours_total is None or not entry.sources:
                continue
            key = entry.sources[0].sheet
            counts[key]["stated"] += 1
            counts[key]["reproduced"] += int(entry.hours is not None
                                             and abs(entry.hours - entry.stated_hours_total) <= CENT)
    return dict(counts)


__all__ = ["is_reproduced", "reconcile", "recomputed", "tolerance"]
