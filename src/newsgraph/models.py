"""The Analysis contract: one JSON object per article.

This module is the one source of truth for the shape of newsgraph's output. Extraction fills
these types, the store flattens them into tables, the API and the UI serve them, the batch job
writes them to Parquet, and ``newsgraph schema`` prints their JSON Schema.

Conventions:
    * Offsets are Python string offsets (code points) into ``Analysis.text`` — the cleaned
      article body — with the end exclusive; ``text[start:end] == span.text`` always holds.
      The one exception is ``Analysis.removed``, whose offsets point into the raw input.
    * Cross references are ids local to the article: entities ``e1``, quotes ``q1``,
      events ``v1``, times ``t1``, places ``p1``.
    * A value that cannot be resolved stays ``None``; nothing is guessed.

The schema is versioned by ``SCHEMA_VERSION``; a change that breaks readers bumps it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "newsgraph.analysis/1"

EntityType = Literal[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "GROUP",
    "DISEASE",
    "INDEX",
]
"""spaCy's name labels, plus ``GROUP`` for generic actors ("protesters", "Afghan security forces"),
``DISEASE`` for a disease or outbreak ("bird flu", "H5N1", "Ebola", "cholera") and ``INDEX`` for a
financial market index ("Dow Jones", "S&P 500", "Nasdaq", "Nikkei", "FTSE 100")."""
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]

MentionKind = Literal["name", "pronoun", "description"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedSource = Literal["given", "html", "url", "dateline", "text"]
"""Where a publication date came from (see `Analysis.published_source`)."""
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]
QuantityKind = Literal["count", "percent", "money", "measure", "fraction"]
QUANTITY_KINDS: tuple[str, ...] = QuantityKind.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    """Base: forbids unknown fields so a typo in a component fails loudly in tests."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A piece of the article text."""

    start: int = Field(ge=0, description="Offset of the first character in `text`.")
    end: int = Field(ge=0, description="Offset one past the last character (exclusive).")
    text: str = Field(description="Exactly `Analysis.text[start:end]`.")


class Removed(_Model):
    """A stretch of the raw input that cleaning cut, with the reason."""

    start: int = Field(ge=0, description="Offset into the raw input (not into `text`).")
    end: int = Field(ge=0, description="Offset one past the last removed character (exclusive).")
    reason: str = Field(description="Why it was cut, e.g. `teaser-list`, `share-prompt`, `copyright`.")
    text: str = Field(description="The removed characters, so a reader can see exactly what was cut.")


class Sentence(_Model):
    """One sentence of the cleaned text."""

    start: int = Field(ge=0, description="Offset of its first character in `text`.")
    end: int = Field(ge=0, description="Offset one past its last character (exclusive).")


class Mention(Span):
    """One place in the text that refers to an entity."""

    kind: MentionKind = Field(
        default="name", description='`name` (a proper name), `pronoun` or `description` ("a spokesman").'
    )


class Entity(_Model):
    """Someone or something the article mentions, with all its mentions folded into one."""

    id: str = Field(description="Article-local id, `e1`, `e2`, …")
    name: str = Field(description="Canonical name: the longest proper name used for it in the article.")
    type: EntityType = Field(description="Its kind: `PERSON`, `ORG`, `GPE`, `LOC`, `GROUP`, `DISEASE`, … .")
    mentions: list[Mention] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list, description='Other surface forms of the name ("Akhundzada"), no pronouns.'
    )
    roles: list[str] = Field(
        default_factory=list, description='Titles and roles the text gives it ("Supreme Leader").'
    )
    affiliation: str | None = Field(
        default=None, description="Entity id of the organisation or country it belongs to, if stated."
    )
    sector: str | None = Field(
        default=None, description="For actors: government, military, police, rebel, civilian, media, …"
    )
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code when the text gives one.")
    kb: str | None = Field(
        default=None,
        description="Key of the knowledge-base entry the entity was linked to (e.g. `phoenix:IGOUNO`, "
        "or a key of the project's own known-entity table), when linked.",
    )


class Quote(_Model):
    """Who said what: a direct, indirect or mixed quotation with its speaker."""

    id: str = Field(description="Article-local id, `q1`, `q2`, …")
    kind: QuoteKind = Field(description="`direct` (in quotation marks), `indirect` (reported) or `mixed`.")
    start: int = Field(ge=0, description="Start of the quoted content (inside the quotation marks).")
    end: int = Field(ge=0, description="End of the quoted content (exclusive).")
    text: str = Field(description="What was said: exactly `text[start:end]`.")
    fragments: list[Span] = Field(
        default_factory=list,
        description="For a quote split around its cue (“…,” she said. “…”), the pieces; else empty.",
    )
    speaker: str | None = Field(default=None, description="Entity id of the speaker when resolved.")
    speaker_start: int | None = Field(
        default=None, description="The speaker's mention in this quote's frame."
    )
    speaker_end: int | None = Field(default=None, description="End of the speaker's mention (exclusive).")
    speaker_text: str | None = Field(
        default=None,
        description='The speaker\'s mention as written ("a spokesman"), `text[speaker_start:speaker_end]`.',
    )
    cue: str | None = Field(default=None, description='The reporting verb\'s lemma ("say", "tell").')
    cue_start: int | None = Field(default=None, description="Start of the reporting verb in `text`.")
    cue_end: int | None = Field(default=None, description="End of the reporting verb (exclusive).")
    sentence: int | None = Field(default=None, description="Index of the sentence where the quote starts.")


class Trigger(Span):
    """The words that express an event."""


EVENT_MIN_CONFIDENCE = 0.5
"""Events of at least this confidence are the coder's confident readings: the evaluation scores
them and the API and web pages list them by default; weaker readings stay in the store."""


class Event(_Model):
    """Who did what to whom, where and when, coded in PLOVER."""

    id: str = Field(description="Article-local id, `v1`, `v2`, …")
    type: PloverType = Field(description="PLOVER event type: `CONSULT`, `AGREE`, `ASSAULT`, … .")
    mode: str | None = Field(default=None, description="PLOVER mode, e.g. `threaten`, `deny`, `intend`.")
    context: list[str] = Field(default_factory=list, description="PLOVER contexts, e.g. `economic`.")
    cameo: str | None = Field(default=None, description="CAMEO root code as a cross-reference.")
    source: list[str] = Field(default_factory=list, description="Entity ids of the actors who act.")
    target: list[str] = Field(default_factory=list, description="Entity ids of those acted upon.")
    source_text: str | None = Field(default=None, description="The source actor phrase as written.")
    target_text: str | None = Field(default=None, description="The target actor phrase as written.")
    trigger: Trigger = Field(description="The words that express the event.")
    place: str | None = Field(default=None, description="Place id (`p1`).")
    place_text: str | None = Field(default=None, description="The place as written.")
    time: str | None = Field(default=None, description="Time id (`t1`).")
    time_text: str | None = Field(default=None, description="The time as written.")
    negated: bool = Field(default=False, description="True when the text says it did not happen.")
    dead: float | None = Field(default=None, description="PLOVER magnitude: people killed.")
    injured: float | None = Field(default=None, description="PLOVER magnitude: people injured.")
    size: float | None = Field(default=None, description="PLOVER magnitude: crowd or force size.")
    confidence: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="How sure the coding is, 0-1; listed by default from `EVENT_MIN_CONFIDENCE` (0.5).",
    )
    sentence: int = Field(ge=0, description="Index of the sentence of its trigger.")


class Quantity(_Model):
    """How many: a number with what it counts and who claims it."""

    start: int = Field(ge=0, description="Offset of the number's first character in `text`.")
    end: int = Field(ge=0, description="Offset one past its last character (exclusive).")
    text: str = Field(description='The number with what it counts, as written ("244 operations").')
    value: float | None = Field(description="The number; for a range, its low end (see `low`/`high`).")
    low: float | None = Field(default=None, description="For a range, its low end.")
    high: float | None = Field(default=None, description="For a range, its high end.")
    approximate: bool = Field(default=False, description='True for "about", "nearly", "more than" … .')
    unit: str | None = Field(default=None, description='Unit or counted noun, singular ("operation").')
    kind: QuantityKind = Field(
        default="count", description="`count`, `percent`, `money`, `measure` or `fraction`."
    )
    currency: str | None = Field(default=None, description="ISO 4217 code for money.")
    base: str | None = Field(default=None, description="For a proportion, what it is a share of.")
    claimant: str | None = Field(default=None, description="Entity id of who states it, when quoted.")
    quote: str | None = Field(default=None, description="Quote id the number sits in.")
    sentence: int = Field(ge=0, description="Index of the sentence it is in.")


class Time(_Model):
    """A time expression, TIMEX3 style, normalized against the publication date."""

    id: str = Field(description="Article-local id, `t1`, `t2`, …")
    start: int = Field(ge=0, description="Offset of its first character in `text`.")
    end: int = Field(ge=0, description="Offset one past its last character (exclusive).")
    text: str = Field(description='The expression as written ("on Sunday").')
    type: TimeType = Field(description="TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.")
    value: str | None = Field(
        description="TIMEX3 value: `2021-07-18`, `2021-W29`, `P2D`, `XXXX-WXX-7` when underspecified."
    )
    mod: str | None = Field(default=None, description="TIMEX3 mod: APPROX, BEFORE, AFTER, START, END …")


class Place(_Model):
    """A toponym resolved to a country and coordinates with the offline gazetteer."""

    id: str = Field(description="Article-local id, `p1`, `p2`, …")
    entity: str | None = Field(default=None, description="Entity id of the place's name.")
    name: str = Field(description="The place's name as the article gives it.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(
        default=None,
        description="First-level division (state, province): its name when newsgraph's data knows it "
        '("Illinois"), else its GeoNames admin1 code.',
    )
    lat: float | None = Field(default=None, description="Latitude (WGS 84) of the resolved point.")
    lon: float | None = Field(default=None, description="Longitude (WGS 84) of the resolved point.")
    feature: str | None = Field(
        default=None,
        description="`country`, `admin1`, `admin2`, `city`, `continent`, `region`, `sea`, `facility`, "
        "or `locality` (a name the gazetteer lacks).",
    )
    geonameid: int | None = Field(default=None, description="GeoNames id of the resolved place.")
    resolved_by: str | None = Field(
        default=None,
        description="How the point was found: `name` (the gazetteer knows the name), `qualifier` "
        '("Springfield, Ill."), `demonym`, or, for a name the gazetteer lacks, the point of what '
        "contains it: `containing` (its stated qualifier), `inner` (a place inside a facility's "
        "name), `context` (the article's main place, only when every other place of the article "
        "lies in one country; least certain). None when the place is not resolved.",
    )
    confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="How sure the resolution is, 0-1: 0.95 for a country or a name the article's "
        "other places settle, less for a homonym chosen by population, 0.6 for the point of what "
        "contains a name the gazetteer lacks, 0.4 or less for a guess from the article's main "
        "place. Below the component's threshold (0.5) the place keeps its name but no country, "
        "no point and no confidence: better unresolved than placed on another continent.",
    )
    literal: bool = Field(
        default=True,
        description="False for a place name that only starts the name of a newspaper, company or the "
        'like ("Washington" in "The Washington Post", "Malaysia" in "Malaysia Airlines"), and for a '
        'university, hospital or museum named as an employer or an actor ("a professor at the '
        'University of Sarajevo"): a toponym, resolved by its name, but no place of the story. Such '
        "places are left out of the store's place index (maps, place search) and of event places; "
        "only the building named as a body still gives the other places its context.",
    )
    mentions: list[Span] = Field(default_factory=list, description="Where the text names the place.")


class Analysis(_Model):
    """Everything newsgraph found in one article."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(description="The input's id, or the content hash when it had none.")
    hash: str = Field(description="SHA-256 of the cleaned text: stable identity for dedup.")
    url: str | None = Field(default=None, description="Where the article was found.")
    source: str | None = Field(default=None, description="The news source's name.")
    title: str | None = Field(default=None, description="The headline.")
    published: str | None = Field(default=None, description="Publication date, ISO 8601.")
    published_source: PublishedSource | None = Field(
        default=None,
        description="Where the publication date came from: `given` (the input stated it), `html` (the "
        "page's metadata), `url` (a date in the URL), `dateline` (a date line above the text or a "
        "dateline opening it), `text` (the lede gives the report's day: \"Yesterday, February 17, "
        '2006, …"); null when no date was found.',
    )
    reference_date: str | None = Field(
        default=None,
        description='For an article without a publication date: the day its relative times ("Friday", '
        '"last June", "next year") were resolved against, inferred from the text: the latest fully '
        "specified date (day, month and year) its lede (first sentence with a verb) tells in the past "
        'tense, not a bound ("after", "until", "due"): "The WHO reported on February 15, 2006 that …". '
        "Null when `published` is known or the lede tells no such date (relative times then have no value).",
    )
    reference_time: str | None = Field(
        default=None,
        description="Article-local id of the time expression `reference_date` was read from (`t3`).",
    )
    language: str | None = Field(default="en", description="ISO 639-1 code of the text's language.")
    authors: list[str] = Field(default_factory=list, description="Byline, when cleaning recognised one.")
    dateline: str | None = Field(default=None, description='Dateline ("NEW YORK (AP) —"), when recognised.')
    text: str = Field(description="The cleaned article body, which every offset points into.")
    removed: list[Removed] = Field(default_factory=list, description="What cleaning cut from the raw input.")
    sentences: list[Sentence] = Field(default_factory=list, description="The sentences of `text`, in order.")
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    summary: list[int] = Field(default_factory=list, description="Sentence indices of the summary.")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _offsets_hold(self) -> Analysis:
        """Enforce the contract's rule: every span lies in `text` and quotes it exactly."""
        problems = offset_problems(self)
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            raise ValueError(f"offsets do not match the text: {'; '.join(problems[:3])}{more}")
        return self

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, with `schema` as the first key."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, *, indent: bool = False) -> bytes:
        """Serialize to UTF-8 JSON bytes (orjson; stable key order)."""
        option = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(self.to_dict(), option=option)

    @classmethod
    def from_json(cls, data: bytes | str) -> Analysis:
        """Parse and validate an Analysis from JSON."""
        return cls.model_validate(orjson.loads(data))

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity with this id, or None."""
        if entity_id is None:
            return None
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None


Located = tuple[str, int, int | None, str | None]
"""Where a span is (`quotes[2].speaker`), its start, its end, and the text it must quote (None: any)."""


def _spans(analysis: Analysis) -> Iterator[Located]:
    """Yield every span of an Analysis that points into `text` (not `removed`: the raw input)."""
    for i, sentence in enumerate(analysis.sentences):
        yield f"sentences[{i}]", sentence.start, sentence.end, None
    for i, entity in enumerate(analysis.entities):
        for j, mention in enumerate(entity.mentions):
            yield f"entities[{i}].mentions[{j}]", mention.start, mention.end, mention.text
    for i, quote in enumerate(analysis.quotes):
        yield f"quotes[{i}]", quote.start, quote.end, quote.text
        for j, fragment in enumerate(quote.fragments):
            yield f"quotes[{i}].fragments[{j}]", fragment.start, fragment.end, fragment.text
        if quote.speaker_start is not None:
            yield f"quotes[{i}].speaker", quote.speaker_start, quote.speaker_end, quote.speaker_text
        if quote.cue_start is not None:  # the cue is a lemma: only its bounds are checked
            yield f"quotes[{i}].cue", quote.cue_start, quote.cue_end, None
    for i, event in enumerate(analysis.events):
        yield f"events[{i}].trigger", event.trigger.start, event.trigger.end, event.trigger.text
    for i, quantity in enumerate(analysis.quantities):
        yield f"quantities[{i}]", quantity.start, quantity.end, quantity.text
    for i, time in enumerate(analysis.times):
        yield f"times[{i}]", time.start, time.end, time.text
    for i, place in enumerate(analysis.places):
        for j, span in enumerate(place.mentions):
            yield f"places[{i}].mentions[{j}]", span.start, span.end, span.text


def offset_problems(analysis: Analysis) -> list[str]:
    """Return every span of `analysis` that breaks `text[start:end] == span.text`, described."""
    text = analysis.text
    problems = []
    for where, start, end, quoted in _spans(analysis):
        if end is None or not 0 <= start <= end <= len(text):
            problems.append(f"{where} [{start}:{end}] lies outside the text (length {len(text)})")
        elif quoted is not None and text[start:end] != quoted:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {quoted!r}")
    return problems


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the Analysis (draft 2020-12)."""
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$id"] = "https://newsgraph.dev/schema/analysis-1.json"
    schema["title"] = SCHEMA_VERSION
    return schema
