"""Build a whole-page-as-text evaluation set from plain-text articles and invented page chrome.

    .venv/bin/python scripts/make_page_set.py ../shared/data/corpus/news.jsonl OUT_DIR [--pages 150]

Writes `OUT_DIR/input.jsonl` (`{"id", "text"}`: what `html-text` or a browser's select-all gives
for a news page — menus, share bars, captions, related-story lists, comments, footers around the
article, one block a line) and `OUT_DIR/expected.jsonl` (`{"id", "text"}`: the article's
paragraphs), in the format of `../shared/data/extract_page/`, so that
`newsgraph evaluate extract_page OUT_DIR/input.jsonl` scores a cleaner on pages it was not tuned
on. The articles come from the input JSONL (`text`, `title`); everything around them is drawn
from the invented pieces below and from other articles' titles and sentences (teasers, captions,
comments, summaries), so a cleaner must tell prose of the article from prose around it.
The output is reproducible for a given input and seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

SITES = [
    "The Daily Courier",
    "Metro Herald",
    "Northern Ledger",
    "The Evening Post",
    "Global Dispatch",
    "Valley Times",
    "The Harbor Gazette",
    "Capital Report",
    "Riverside Tribune",
    "World Desk",
]
SECTIONS = [
    "News",
    "World",
    "US",
    "Politics",
    "Business",
    "Markets",
    "Tech",
    "Science",
    "Health",
    "Sports",
    "Entertainment",
    "Opinion",
    "Lifestyle",
    "Travel",
    "Video",
    "Podcasts",
    "Weather",
    "Local",
    "Education",
    "Climate",
    "Culture",
    "Books",
    "Food",
    "Real Estate",
    "Obituaries",
    "Classifieds",
    "Jobs",
    "Cars",
    "Africa",
    "Asia",
    "Europe",
    "Middle East",
    "Americas",
    "Economy",
    "Personal Finance",
    "Crime",
    "Elections",
    "Photos",
    "Puzzles",
    "Horoscopes",
]
UTILITY = [
    "Skip to main content",
    "Skip to navigation",
    "Menu",
    "Search",
    "Sign In",
    "Log in",
    "Subscribe",
    "Register",
    "Newsletters",
    "Edition: US",
    "Today's paper",
    "Live TV",
    "☰",
    "Close",
    "My Account",
    "Watch Live",
    "e-Edition",
    "Open Navigation Menu",
]
FOOTER = [
    "About Us",
    "Contact Us",
    "Careers",
    "Advertise",
    "Privacy Policy",
    "Terms of Service",
    "Cookie Settings",
    "Accessibility",
    "Sitemap",
    "Corrections",
    "Help Center",
    "Site Map",
    "Work for us",
    "Ethics Policy",
    "Your Privacy Choices",
    "RSS Feeds",
    "Archives",
]
NETWORKS = ["Facebook", "Twitter", "Instagram", "LinkedIn", "YouTube", "WhatsApp", "Email", "Reddit"]
NAMES = [
    "Maria Lopez",
    "James Carter",
    "Aisha Bello",
    "Tomás Herrera",
    "Hannah Becker",
    "Kofi Mensah",
    "Priya Raman",
    "Daniel O'Neill",
    "Mei Chen",
    "Samuel Adeyemi",
    "Laura Rossi",
    "Omar Haddad",
]
HANDLES = ["jdoe77", "RiverRat", "concerned_citizen", "M. K.", "truthseeker", "Anna_B", "oldtimer", "PeteR"]
BEATS = ["health and science", "national security", "foreign affairs", "the economy", "local government"]
ROLES = ["staff writer", "correspondent", "senior reporter", "contributing editor", "health reporter"]
RELATED_HEADS = [
    "Related Stories",
    "More from {site}",
    "You may also like",
    "Recommended for you",
    "Read next",
    "Most Popular",
    "Trending Now",
    "Editor's Picks",
    "More in {section}",
    "Latest News",
    "Don't miss",
    "What to read next",
    "Top Stories",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“‘(\d])")


_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Jr|Sr|Co|Corp|Inc|Ltd|No|Mt|Ft|Jan|Feb|"
    r"Aug|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)|\b[A-Z])\.$"
)


def sentences(text: str) -> list[str]:
    """Split running text into sentences (roughly: enough for paragraphs and teasers)."""
    out: list[str] = []
    for block in text.split("\n"):
        pending = ""
        for piece in _SENT.split(block):
            pending = f"{pending} {piece}" if pending else piece
            if not _ABBREVIATION.search(pending):
                out.append(pending.strip())
                pending = ""
        if pending.strip():
            out.append(pending.strip())
    return [s for s in out if s]


def paragraphs(text: str, rnd: random.Random) -> list[str]:
    """Group an article's sentences into paragraphs of one to four sentences."""
    out: list[str] = []
    for block in (b for b in re.split(r"\n\s*\n", text) if b.strip()):
        sents = sentences(block)
        i = 0
        while i < len(sents):
            n = rnd.choice([1, 1, 2, 2, 2, 3, 3, 4])
            out.append(" ".join(sents[i : i + n]))
            i += n
    return out


class Page:
    """The chrome of one invented page, drawn from `rnd` and other articles."""

    def __init__(self, rnd: random.Random, others: list[dict[str, Any]], article: dict[str, Any]) -> None:
        self.rnd = rnd
        self.others = others
        self.article = article
        self.site = rnd.choice(SITES)
        self.sections = rnd.sample(SECTIONS, rnd.randint(6, 22))
        self.section = rnd.choice(self.sections)
        self.author = rnd.choice(NAMES)

    def titles(self, n: int) -> list[str]:
        return [o["title"] for o in self.rnd.sample(self.others, n)]

    def other_sentence(self, min_words: int = 8, max_words: int = 40) -> str:
        for _ in range(50):
            sents = sentences(self.rnd.choice(self.others)["text"])
            s = self.rnd.choice(sents)
            if min_words <= len(s.split()) <= max_words:
                return s
        return sents[0]

    def date(self) -> str:
        r = self.rnd
        style = r.randrange(5)
        m, d, y = r.choice(MONTHS), r.randint(1, 28), r.randint(2015, 2024)
        if style == 0:
            return f"Published {m} {d}, {y}"
        if style == 1:
            clock = f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['am', 'pm'])}"
            return f"Updated {clock} EST, {r.choice(DAYS)}, {m} {d}, {y}"
        if style == 2:
            return f"{m[:3]} {d}, {y} at {r.randint(1, 12)}:{r.randint(0, 59):02d} p.m. ET"
        if style == 3:
            return f"{d:02d}/{r.randint(1, 12):02d}/{y}"
        return f"{r.randint(2, 23)} hours ago"

    def header(self) -> list[str]:
        r = self.rnd
        out = [f"{self.article['title']} {r.choice(['|', '-', '—'])} {self.site}"]
        if r.random() < 0.3:
            out += self.cookie()
        out += r.sample(UTILITY, r.randint(2, 7))
        out.append(self.site)
        for section in self.sections:
            out.append(section)
            if r.random() < 0.15:
                out += r.sample(SECTIONS, r.randint(2, 6))
                if r.random() < 0.5:
                    out += self.titles(r.randint(2, 4))
        if r.random() < 0.4:
            out.append(r.choice(["Breaking News", "Trending:", "Top Stories", "Latest:"]))
            out += self.titles(r.randint(3, 6))
        if r.random() < 0.2:
            out.append(self.site)
            out.append(r.choice(["Advertisement", "ADVERTISEMENT", "Ad"]))
        return out

    def cookie(self) -> list[str]:
        r = self.rnd
        text = r.choice(
            [
                "We use cookies and similar technologies to personalise content and ads, to provide social "
                "media features and to analyse our traffic. Read our Privacy Policy to find out more.",
                "This website uses cookies to improve your experience. By continuing to browse the site you "
                "are agreeing to our use of cookies.",
                f"{self.site} and our partners store and access information on your device to show you "
                "relevant content and measure how it performs.",
            ]
        )
        return [text, *r.sample(["Accept", "Accept all", "Manage preferences", "Reject all", "OK"], 2)]

    def top(self) -> list[str]:
        r = self.rnd
        out: list[str] = []
        if r.random() < 0.6:
            sep = r.choice([" › ", " / ", " > ", " | "])
            out.append(sep.join(["Home", self.section, *r.sample(SECTIONS, r.randint(0, 1))]))
        elif r.random() < 0.5:
            out.append(self.section)
        out.append(self.article["title"])
        if r.random() < 0.5:
            out.append(
                self.other_sentence(10, 30) if r.random() < 0.5 else sentences(self.article["text"])[0]
            )
        byline = r.choice(
            [
                f"By {self.author}",
                f"{self.author}, {self.site}",
                f"{self.author}\n{r.choice(ROLES).title()}",
                f"By {self.author.upper()}",
                f"Written by {self.author}",
            ]
        )
        out += byline.split("\n")
        out.append(self.date())
        if r.random() < 0.4:
            out.append(f"{r.randint(2, 12)} min read")
        out += self.share()
        if r.random() < 0.7:
            out += self.image()
        return out

    def share(self) -> list[str]:
        r = self.rnd
        style = r.randrange(5)
        if style == 0:
            return r.sample(NETWORKS, r.randint(2, 5))
        if style == 1:
            return ["Share this article", *r.sample(NETWORKS, 3)]
        if style == 2:
            return ["Share", "Tweet", "Pin", "Email"]
        if style == 3:
            return [f"Share on {n}" for n in r.sample(NETWORKS[:4], 2)] + ["Copy link"]
        return [f"Comments ({r.randint(0, 300)})", "Print", "Share"]

    def image(self) -> list[str]:
        r = self.rnd
        caption = self.other_sentence(8, 35)
        credit = r.choice(
            ["Photo: AP", "(Reuters)", "Image: Getty Images", "AFP via Getty Images", "Photo by staff"]
        )
        out = [caption, credit]
        if r.random() < 0.3:
            out = ["Enlarge this image", *out, "hide caption", "toggle caption"]
        if r.random() < 0.3:
            out += [f"1 / {r.randint(3, 12)}", caption, credit, "Back to Gallery"]
        return out

    def body_insert(self) -> list[str]:
        r = self.rnd
        return r.choice(
            [
                ["Advertisement"],
                ["ADVERTISEMENT"],
                [f"READ MORE: {self.titles(1)[0]}"],
                [f"Related: {self.titles(1)[0]}"],
                ["Continue reading the main story"],
                ["Story continues below advertisement"],
                [f"SEE ALSO: {self.titles(1)[0]}"],
                ["Advertisement", "Scroll to continue with content"],
                self.image(),
            ]
        )

    def after(self) -> list[str]:
        r = self.rnd
        out: list[str] = []
        if r.random() < 0.3:
            out.append(r.choice(["___", "* * *", "—"]))
        if r.random() < 0.4:
            out.append(r.choice(["Tags", "Topics", "Filed under:"]))
            out += r.sample(SECTIONS, r.randint(2, 6))
        out += self.share() if r.random() < 0.6 else []
        if r.random() < 0.35:
            beat, role = r.choice(BEATS), r.choice(ROLES)
            handle = self.author.split()[0].lower()
            out.append(f"{self.author} is a {role} for {self.site}, covering {beat}.")
            out.append(
                r.choice([f"Follow on Twitter @{handle}", f"Contact: {handle}@example.com", "View all posts"])
            )
        blocks = [self.related, self.related, self.newsletter, self.comments, self.most_read]
        r.shuffle(blocks)
        for block in blocks[: r.randint(1, 4)]:
            out += block()
        return out

    def related(self) -> list[str]:
        r = self.rnd
        head = r.choice(RELATED_HEADS).format(site=self.site, section=self.section)
        out = [head]
        style = r.randrange(4)
        for title in self.titles(r.randint(3, 8)):
            out.append(title)
            if style == 1:
                out.append(self.other_sentence(10, 35))
            elif style == 2:
                out.append(self.date())
            elif style == 3:
                out.append(f"{self.section} · {r.randint(1, 23)}h ago")
        return out

    def most_read(self) -> list[str]:
        out = [self.rnd.choice(["Most Read", "Most Popular", "Most Viewed"])]
        for i, title in enumerate(self.titles(self.rnd.randint(4, 8)), start=1):
            out += [str(i), title]
        return out

    def newsletter(self) -> list[str]:
        r = self.rnd
        return [
            r.choice(["Sign up for our newsletter", f"The {self.section} Briefing", "Get our morning email"]),
            r.choice(
                [
                    "Get the latest headlines delivered to your inbox every morning.",
                    "The biggest stories of the day, explained, in one email.",
                    f"Everything you need to know about {self.section.lower()}, every weekday.",
                ]
            ),
            r.choice(["Enter your email", "Email address"]),
            r.choice(["Sign Up", "Subscribe"]),
            "By signing up you agree to our Terms of Use and Privacy Policy.",
        ]

    def comments(self) -> list[str]:
        r = self.rnd
        n = r.randint(2, 6)
        out = [r.choice([f"{n} Comments", "Comments", "Join the conversation", "Reader comments"])]
        if r.random() < 0.5:
            out.append(r.choice(["Log in to comment", "Sort by: Newest", "Commenting is closed"]))
        for _ in range(n):
            words = " ".join(self.other_sentence(6, 30) for _ in range(r.randint(1, 2)))
            out += [r.choice(HANDLES), f"{r.randint(1, 23)} hours ago", words, "Reply"]
            if r.random() < 0.5:
                out.append(f"Like ({r.randint(0, 40)})")
        return out

    def footer(self) -> list[str]:
        r = self.rnd
        out: list[str] = []
        if r.random() < 0.5:
            out += r.sample(self.sections, min(len(self.sections), r.randint(4, 15)))
        out += r.sample(FOOTER, r.randint(4, 12))
        if r.random() < 0.6:
            out += [r.choice(["Follow us", "Connect with us", "Follow"]), *r.sample(NETWORKS, 4)]
        year = r.randint(2015, 2024)
        out.append(
            r.choice(
                [
                    f"© {year} {self.site} Media, Inc. All rights reserved.",
                    f"Copyright © {year} {self.site}. All Rights Reserved.",
                    f"© {self.site} {year}",
                ]
            )
        )
        if r.random() < 0.3:
            out.append(
                "This material may not be published, broadcast, rewritten or redistributed "
                "without permission."
            )
        if r.random() < 0.2:
            out += self.cookie()
        return out


def make_page(article: dict[str, Any], others: list[dict[str, Any]], rnd: random.Random) -> tuple[str, str]:
    """Return (page text, expected article text) for one article."""
    page = Page(rnd, others, article)
    paras = paragraphs(article["text"], rnd)
    body: list[str] = []
    for i, para in enumerate(paras):
        body.append(para)
        if 0 < i < len(paras) - 1 and rnd.random() < 0.12:
            body += page.body_insert()
    lines = [*page.header(), *page.top(), *body, *page.after(), *page.footer()]
    joiner = rnd.choice(["\n", "\n\n"])
    return joiner.join(lines), "\n\n".join(paras)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    records = [
        json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    records = [r for r in records if r.get("title") and r.get("text")]
    rnd = random.Random(args.seed)
    chosen = rnd.sample(records, min(args.pages, len(records)))
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "input.jsonl").open("w") as inp, (args.out / "expected.jsonl").open("w") as exp:
        for article in chosen:
            others = [r for r in records if r["id"] != article["id"]]
            text, gold = make_page(article, others, rnd)
            inp.write(json.dumps({"id": article["id"], "text": text}, ensure_ascii=False) + "\n")
            exp.write(json.dumps({"id": article["id"], "text": gold}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
