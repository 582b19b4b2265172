"""The identity ledger on SQLite: how it finds the mentions of a set of blocking keys
(the rest is ``store.ledger.LedgerRows``)."""

from __future__ import annotations

from wortlaut.resolve.identity import (
    Assignment,
    MentionRecord,
)

from ..ledger import LedgerRows
from ..shared import chunks, json_list, placeholders


class SQLiteLedger(LedgerRows):
    INSERT_SOURCE = "INSERT OR IGNORE INTO sources (id, name, name_folded, kind) VALUES (?, ?, ?, ?)"

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

