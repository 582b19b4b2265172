"""Cross-article source identity, independent of any store.

``clustering`` decides which mention records are one source; ``profiles``
builds a profile from its mentions. ``update_profiles`` is the one function
that applies both to what a store holds: every store backend calls it inside
its write transaction, through the small ``Ledger`` interface it implements.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .clustering import (
    Assignment,
    Correction,
    MentionRecord,
    blocking_keys,
    cluster,
    initials,
    same_organisation,
    split_id,
)
from .profiles import Profile, ProfileMention, build_profile

__all__ = [
    "Assignment", "Correction", "Ledger", "MentionRecord", "Profile", "ProfileMention",
    "blocking_keys", "build_profile", "cluster", "initials", "same_organisation", "split_id", "update_profiles",
]


class Ledger(Protocol):
    """What identity needs from a store, within one open write transaction."""

    def mentions_sharing(self, keys: set[str]) -> list[tuple[MentionRecord, Assignment | None]]:
        """Every mention with one of the blocking ``keys``, and its current assignment."""

    def corrections(self) -> list[Correction]:
        """The user's merges and splits, oldest first."""

    def assign(self, record: MentionRecord, assignment: Assignment) -> None:
        """Point the mention (and its quotes) at ``assignment``; the profile row must exist after it."""

    def profile_mentions(self, source_id: str) -> list[ProfileMention]: ...

    def save_profile(self, source_id: str, profile: Profile | None) -> None:
        """Write the rebuilt profile, or remove it when ``profile`` is None."""


def update_profiles(ledger: Ledger, keys: Iterable[str]) -> None:
    """Re-decide identity for every mention sharing a blocking key with ``keys``,
    then rebuild the profiles whose membership changed."""
    held = ledger.mentions_sharing(set(keys))
    if not held:
        return
    records = [record for record, _ in held]
    current = {record.id: assigned for record, assigned in held}
    by_id = {record.id: record for record in records}
    touched: set[str] = set()
    for mention, assignment in cluster(records, ledger.corrections()).items():
        old = current[mention]
        if old == assignment:
            continue
        touched.update(x for x in (old.source_id if old else None, assignment.source_id) if x)
        ledger.assign(by_id[mention], assignment)
    for sid in sorted(touched):
        ledger.save_profile(sid, build_profile(ledger.profile_mentions(sid)))
