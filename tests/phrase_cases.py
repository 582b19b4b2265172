"""Real German and English speaker phrases, each in its sentence: (language, text, mention)."""

from __future__ import annotations

from dataclasses import fields

from wortlaut.analyse.tokens import Doc, tokenize
from wortlaut.resolve.mentions import MentionInfo

CASES = [
    ("de", "Carl Schuster, ehemaliger Einsatzleiter der Feuerwehr Hamburg, sagte, die Lage sei ernst.",
     "Carl Schuster, ehemaliger Einsatzleiter der Feuerwehr Hamburg"),
    ("de", "Ein Sprecher der Polizei, Lars Beringer, bestätigte den Einsatz.", "Ein Sprecher der Polizei"),
    ("de", "Dem Bericht des Council on Foreign Relations vom Juni 2022 zufolge wächst die Gefahr.",
     "Dem Bericht des Council on Foreign Relations vom Juni 2022"),
    ("de", "Die Gewerkschaft Verkehr und Schiene (GVS) kritisierte den Plan.", "Die Gewerkschaft Verkehr und Schiene (GVS)"),
    ("de", "Der russische Verteidigungsminister Sergej Schoigu sagte, man sei bereit.",
     "Der russische Verteidigungsminister Sergej Schoigu"),
    ("de", "Mehrere Anwohner berichteten von Lärm in der Nacht.", "Mehrere Anwohner"),
    ("de", "Die 34-jährige Mieterin aus Ettlingen sagte, sie habe Angst.", "Die 34-jährige Mieterin aus Ettlingen"),
    ("de", "Nach Angaben der Stadt wurden drei Menschen verletzt.", "Angaben der Stadt"),
    ("de", "Die Polizeisprecherin sagte, es gebe keine Hinweise.", "Die Polizeisprecherin"),
    ("de", "Der Konzern Veltrona teilte mit, die Zahlen seien gut.", "Der Konzern Veltrona"),
    ("de", "New Yorks Bürgermeister Michael Bloomberg sagte, die Stadt sei sicher.",
     "New Yorks Bürgermeister Michael Bloomberg"),
    ("de", "Die Präfektur in Straßburg erklärte, der Einsatz sei beendet.", "Die Präfektur in Straßburg"),
    ("en", "Shipping analysts said prices would rise.", "Shipping analysts"),
    ("en", "John Smith, a professor of economics at Harbour University, said the plan was flawed.",
     "John Smith, a professor of economics at Harbour University"),
    ("en", "The trust's medical director said the ward would close.", "The trust's medical director"),
    ("en", "A spokeswoman for the Northern Nurses' Union said staff were tired.",
     "A spokeswoman for the Northern Nurses' Union"),
    ("en", "According to a report by the International Institute for Strategic Studies, the fleet grew.",
     "a report by the International Institute for Strategic Studies"),
    ("en", "The authority said it would appeal.", "The authority"),
]


def parse_case(language: str, text: str, mention: str) -> tuple[Doc, int, int]:
    """The tagged document and the mention's token range [a, b)."""
    doc = tokenize(text, language)
    i = text.index(mention)
    return doc, doc.token_at(i), doc.token_at(i + len(mention) - 1) + 1


def changed(info: MentionInfo) -> dict:
    """The fields of ``info`` that differ from a blank mention's: what a pinned case lists."""
    default = MentionInfo(name="", kind="")
    return {f.name: getattr(info, f.name) for f in fields(info) if getattr(info, f.name) != getattr(default, f.name)}
