"""What both backends' identity ledgers share: corrections, assignments and
profiles read and written with the same SQL. Each backend adds how it finds
the mentions of a set of blocking keys, and how it inserts a profile row that
may already exist (``INSERT_SOURCE``)."""

from __future__ import annotations

from wortlaut.resolve.identity import (
    Assignment,
    Correction,
    MentionRecord,
    Profile,
    ProfileMention,
)

from .shared import fold_name, json_list, to_json


class LedgerRows:
    """Works inside the caller's open transaction; commits nothing itself."""

    INSERT_SOURCE: str  # (id, name, name_folded, kind), ignored when the id exists

    def __init__(self, conn) -> None:
        self._conn = conn

    def corrections(self) -> list[Correction]:
        return [Correction(*r) for r in self._conn.execute(
            "SELECT action, source_id, other FROM corrections ORDER BY id")]

    def assign(self, record: MentionRecord, assignment: Assignment) -> None:
        c = self._conn
        c.execute(
            self.INSERT_SOURCE,
            (assignment.source_id, assignment.name, fold_name(assignment.name), record.kind),
        )
        c.execute(
            "UPDATE source_mentions SET source_id = ?, canonical = ?, reason = ? WHERE id = ?",
            (assignment.source_id, assignment.name, assignment.reason, record.id),
        )
        c.execute("UPDATE quotes SET source_id = ? WHERE mention_id = ?", (assignment.source_id, record.id))

    def profile_mentions(self, source_id: str) -> list[ProfileMention]:
        return [
            ProfileMention(r[0], r[1], r[2], r[3], r[4], json_list(r[5]), json_list(r[6]), json_list(r[7]),
                           r[8], r[9])
            for r in self._conn.execute(
                """SELECT m.id, m.kind, m.name, m.canonical, m.reason, m.roles, m.affiliations, m.aliases,
                          a.date, a.ingested_at
                   FROM source_mentions m JOIN articles a ON a.id = m.article_id
                   WHERE m.source_id = ? ORDER BY m.id""",
                (source_id,),
            )
        ]

    def save_profile(self, source_id: str, profile: Profile | None) -> None:
        if profile is None:
            self._conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            return
        self._conn.execute(
            """UPDATE sources SET name = ?, name_folded = ?, kind = ?, roles = ?, affiliations = ?, aliases = ?
               WHERE id = ?""",
            (profile.name, fold_name(profile.name), profile.kind, to_json(profile.roles),
             to_json(profile.affiliations), to_json(profile.aliases), source_id),
        )
