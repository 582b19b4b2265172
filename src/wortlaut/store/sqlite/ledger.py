"""The identity ledger on SQLite: mention records, profiles and corrections as
``resolve.identity.update_profiles`` reads and writes them."""

from __future__ import annotations

import sqlite3

from wortlaut.resolve.identity import (
    Assignment,
    Correction,
    MentionRecord,
    Profile,
    ProfileMention,
)

from ..shared import chunks, fold_name, json_list, placeholders, to_json


class SQLiteLedger:
    """Works inside the caller's open transaction; commits nothing itself."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def keys_of(self, mentions: list[int]) -> set[str]:
        keys: set[str] = set()
        for chunk in chunks(mentions):
            keys.update(r[0] for r in self._conn.execute(
                f"SELECT key FROM source_keys WHERE mention_id IN ({placeholders(chunk)})", chunk))
        return keys

    def mentions_sharing(self, keys: set[str]) -> list[tuple[MentionRecord, Assignment | None]]:
        ids: set[int] = set()
        for chunk in chunks(sorted(keys)):
            ids.update(r[0] for r in self._conn.execute(
                f"SELECT mention_id FROM source_keys WHERE key IN ({placeholders(chunk)})", chunk))
        held = []
        for chunk in chunks(sorted(ids)):
            for r in self._conn.execute(
                f"""SELECT m.id, m.article_id, m.kind, m.name, m.roles, m.affiliations, m.aliases, a.date,
                           m.source_id, m.canonical, m.reason
                    FROM source_mentions m JOIN articles a ON a.id = m.article_id
                    WHERE m.id IN ({placeholders(chunk)})""", chunk):
                record = MentionRecord(
                    r[0], r[1], r[2], r[3], json_list(r[4]), json_list(r[5]), json_list(r[6]), r[7])
                held.append((record, None if r[8] is None else Assignment(r[8], r[9], r[10])))
        return held

    def corrections(self) -> list[Correction]:
        return [Correction(*r) for r in self._conn.execute(
            "SELECT action, source_id, other FROM corrections ORDER BY id")]

    def assign(self, record: MentionRecord, assignment: Assignment) -> None:
        c = self._conn
        c.execute(
            "INSERT OR IGNORE INTO sources (id, name, name_folded, kind) VALUES (?, ?, ?, ?)",
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
                   WHERE m.source_id = ?""",
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
