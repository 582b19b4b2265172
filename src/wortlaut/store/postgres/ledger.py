"""The identity ledger on PostgreSQL: how it finds the mentions of a set of blocking keys
(the rest is ``store.ledger.LedgerRows``)."""

from __future__ import annotations

from wortlaut.resolve.identity import (
    Assignment,
    MentionRecord,
)

from ..ledger import LedgerRows
from ..shared import json_list


class PostgresLedger(LedgerRows):
    INSERT_SOURCE = """INSERT INTO sources (id, name, name_folded, kind) VALUES (?, ?, ?, ?)
                       ON CONFLICT (id) DO NOTHING"""

    def keys_of(self, mentions: list[int]) -> set[str]:
        return {r[0] for r in self._conn.execute(
            "SELECT key FROM source_keys WHERE mention_id = ANY(?)", (mentions,))}

    def mentions_sharing(self, keys: set[str]) -> list[tuple[MentionRecord, Assignment | None]]:
        held = []
        for r in self._conn.execute(
            """SELECT m.id, m.article_id, m.kind, m.name, m.roles, m.affiliations, m.aliases, a.date,
                      m.source_id, m.canonical, m.reason
               FROM source_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.id IN (SELECT mention_id FROM source_keys WHERE key = ANY(?))
               ORDER BY m.id""",
            (sorted(keys),),
        ):
            record = MentionRecord(r[0], r[1], r[2], r[3], json_list(r[4]), json_list(r[5]), json_list(r[6]), r[7])
            held.append((record, None if r[8] is None else Assignment(r[8], r[9], r[10])))
        return held

