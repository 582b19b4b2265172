"""Realistic news web pages built from the demo articles, for ingestion tests and
benchmarks/ingest.py.

A page wraps an article's paragraphs in what news sites put around them: a
navigation bar, a cookie notice, a "read also" box inside the text, a photo with
a caption, related links, a newsletter box and a footer, in one of several site
templates. ``story`` recombines paragraphs of several demo articles and varies
names and numbers, so many pages can be distinct stories rather than near copies.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wortlaut.ingest.text import parse_text
from wortlaut.model import Article

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"


@dataclass(frozen=True)
class Site:
    name: str
    host: str
    language: str
    nav: tuple[str, ...]
    read_also: str
    related: str
    newsletter: str
    footer: tuple[str, ...]
    cookie: str
    byline: str  # "{author}" is filled in


SITES = (
    Site("Elbufer Rundschau", "www.elbufer-rundschau.de", "de",
         ("Startseite", "Hamburg", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung"),
         "Lesen Sie auch", "Mehr zum Thema", "Der Newsletter am Morgen: jetzt kostenlos abonnieren",
         ("Impressum", "Datenschutz", "AGB", "Kontakt", "Abo", "Mediadaten"),
         "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.", "Von {author}"),
    Site("Tagesblatt Nord", "tagesblatt-nord.de", "de",
         ("News", "Region", "Deutschland", "Welt", "Geld", "Leben", "Podcasts"),
         "Auch interessant", "Weitere Artikel", "Alles Wichtige aus dem Norden in Ihrem Postfach",
         ("Über uns", "Karriere", "Impressum", "Datenschutzerklärung", "Cookie-Einstellungen"),
         "Diese Seite nutzt Cookies und vergleichbare Technologien.", "Ein Bericht von {author}"),
    Site("Westfalen Kurier", "www.westfalen-kurier.de", "de",
         ("Lokales", "NRW", "Politik", "Wirtschaft", "Sport", "Ratgeber"),
         "Passend dazu", "Das könnte Sie auch interessieren", "Kurier kompakt: der Abendnewsletter",
         ("Anzeigen", "Leserservice", "Impressum", "Datenschutz", "Barrierefreiheit"),
         "Mit Klick auf „Zustimmen“ erlauben Sie die Verarbeitung Ihrer Daten.", "{author}"),
    Site("Northern Ledger", "www.northernledger.co.uk", "en",
         ("Home", "News", "Politics", "Business", "Sport", "Opinion", "Culture"),
         "Read more", "Related stories", "Sign up for our morning briefing",
         ("About us", "Contact", "Terms", "Privacy", "Cookie policy", "Advertise"),
         "We use cookies to improve your experience on our site.", "By {author}"),
    Site("Harbour Times", "harbourtimes.com", "en",
         ("Latest", "World", "Local", "Money", "Health", "Science"),
         "Also read", "More on this story", "Get the Harbour Times daily digest",
         ("Help", "Subscriptions", "Privacy notice", "Terms of use", "Sitemap"),
         "This website uses cookies. By continuing you accept our policy.", "By {author}"),
)

AUTHORS = ("Miriam Hollstein", "Tobias Brandt", "Lena Sommer", "Jakob Wendt", "Sarah Kühn",
           "Daniel Ortmann", "Claire Hughes", "Owen Barker", "Priya Natarajan")
FIRST = ("Anna", "Jonas", "Petra", "Klaus", "Martina", "Felix", "Sabine", "Markus", "Julia", "Stefan")
LAST = ("Berger", "Lindner", "Vogel", "Reiter", "Petersen", "Hartmann", "Krüger", "Wolff", "Brandl", "Seidel")


def demo_articles() -> list[Article]:
    return [parse_text(p.read_text(encoding="utf-8"), origin=str(p)) for p in sorted(DEMO.glob("*.txt"))]


def headline(article: Article) -> str:
    """The first sentence, as headlines are short."""
    first = re.split(r"(?<=[.!?])\s", article.text, maxsplit=1)[0]
    return first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0]


def paragraphs(article: Article) -> list[str]:
    return [p for p in article.text.split("\n\n") if p.strip()]


def story(articles: list[Article], rng: random.Random) -> tuple[str, list[str]]:
    """A distinct story in one language: paragraphs from several demo articles,
    shuffled, with other names and numbers. Returns (language, paragraphs)."""
    base = rng.choice(articles)
    language = "en" if Path(base.origin).name.startswith("en-") else "de"
    same = [a for a in articles if Path(a.origin).name.startswith(language + "-")]
    pool = paragraphs(base) + [p for a in rng.sample(same, min(2, len(same))) for p in paragraphs(a)]
    chosen = rng.sample(pool, min(len(pool), rng.randint(6, 9)))
    names = {last: rng.choice(LAST) for last in LAST}
    out = []
    for p in chosen:
        p = re.sub(r"\d+", lambda m: str(rng.randint(2, 990)), p)
        p = re.sub(r"\b(" + "|".join(LAST) + r")\b", lambda m: names[m.group(1)], p)
        out.append(p)
    return language, out


def news_page(
    title: str,
    body: list[str],
    site: Site,
    *,
    url: str,
    author: str,
    date: str,
    variant: int = 0,
    credit: str = "",
) -> str:
    """One article page in ``site``'s template; ``variant`` moves and varies the
    furniture; ``credit`` adds an agency line to the text as syndicated copies have."""
    rng = random.Random(f"{url}|{variant}")
    nav = "".join(f'<li><a href="/{escape(n.lower())}/">{escape(n)}</a></li>' for n in site.nav)
    teasers = [f"{escape(n)}: {rng.choice(['Neue Zahlen', 'Live-Ticker', 'Analyse', 'Kommentar', 'Update', 'Interview'])}"
               for n in rng.sample(site.nav, 3)]
    related = "".join(f'<li><a href="/{i}-{rng.randint(1000, 9999)}.html">{t}</a></li>' for i, t in enumerate(teasers))
    paras = [f"<p>{escape(p)}</p>" for p in body]
    box = (f'<aside class="read-also"><strong>{escape(site.read_also)}:</strong> '
           f'<a href="/teaser-{rng.randint(100, 999)}.html">{teasers[0]}</a></aside>')
    paras.insert(min(len(paras), 2 + variant % 3), box)
    if credit:
        paras.append(f"<p>{escape(credit)}</p>")
    figure = (f'<figure class="lead-image"><img src="/img/{rng.randint(1, 10**6)}.jpg" alt="">'
              f"<figcaption>Foto: {escape(rng.choice(AUTHORS))} / {escape(site.name)}</figcaption></figure>")
    byline = escape(site.byline.format(author=author))
    wrapper = ("main", "div")[variant % 2]
    share = '<div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a> <a href="#">Merken</a></div>'
    footer = "".join(f'<a href="/{escape(f.lower())}">{escape(f)}</a> ' for f in site.footer)
    return f"""<!DOCTYPE html>
<html lang="{site.language}">
<head>
<meta charset="utf-8">
<title>{escape(title)} | {escape(site.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="{escape(author)}">
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(site.name)}">
<meta property="og:url" content="{escape(url)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{date}T08:{rng.randint(10, 59)}:00+01:00">
<link rel="canonical" href="{escape(url)}">
<link rel="stylesheet" href="/static/site.{rng.randint(100, 999)}.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body class="article-page v{variant}">
<div id="cookie-banner" class="consent"><p>{escape(site.cookie)}</p><button>Zustimmen</button></div>
<header class="site-header"><a class="logo" href="/">{escape(site.name)}</a>
<nav><ul>{nav}</ul></nav></header>
<{wrapper} class="content">
<article class="story">
<h1>{escape(title)}</h1>
<p class="byline">{byline} · <time datetime="{date}">{date}</time></p>
{figure if variant % 2 else ""}
{share if variant % 3 == 0 else ""}
<div class="story-body">
{chr(10).join(paras)}
</div>
{share if variant % 3 else ""}
</article>
<section class="related"><h2>{escape(site.related)}</h2><ul>{related}</ul></section>
<div class="newsletter"><p>{escape(site.newsletter)}</p><input type="email"><button>OK</button></div>
</{wrapper}>
<footer class="site-footer"><p>{footer}</p><p>© {date[:4]} {escape(site.name)}. Alle Rechte vorbehalten.</p></footer>
<script src="/static/app.js"></script>
</body>
</html>
"""


def http_record(writer: WARCWriter, url: str, body: bytes, date: str, content_type: str = "text/html; charset=utf-8") -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": warc_date(date)})
    writer.write_record(record)


def warc_date(date: str) -> str:
    return datetime.fromisoformat(date).replace(hour=6, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def warc_bytes(pages: list[tuple[str, bytes, str]], gzipped: bool) -> bytes:
    """(url, html bytes, date) pages as WARC response records, each gzipped on its own if ``gzipped``."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for url, body, date in pages:
        http_record(writer, url, body, date)
    return out.getvalue()


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    path.write_bytes(warc_bytes(pages, gzipped=path.suffix == ".gz"))


SECTIONS = ("politik", "wirtschaft", "region", "kultur", "news", "local")


def news_records(pages: int, syndicated_every: int = 20) -> list[tuple[str, bytes, str]]:
    """(url, page, crawl date) of ``pages`` news pages: distinct stories recombined
    from the demo articles, and every ``syndicated_every``-th page a syndicated
    copy of an earlier story under another site's template, with an agency line."""
    articles = demo_articles()
    stories: list[tuple[str, list[str], str]] = []
    records = []
    for n in range(pages):
        rng = random.Random(n)
        if n % syndicated_every == syndicated_every - 1 and stories:
            title, body, language = rng.choice(stories)
            credit = ("(dpa) Dieser Text erschien zuerst bei einem Partnerblatt." if language == "de"
                      else "(PA) First published by a partner title.")
        else:
            language, body = story(articles, rng)
            title, credit = body[0].split(". ")[0][:90], ""
            stories.append((title, body, language))
        site = rng.choice([s for s in SITES if s.language == language])
        date = f"20{rng.randint(23, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        url = f"https://{site.host}/{rng.choice(SECTIONS)}/story-{n}.html"
        html = news_page(title, body, site, url=url, author=rng.choice(AUTHORS), date=date, variant=n, credit=credit)
        records.append((url, html.encode("utf-8"), date))
    return records

