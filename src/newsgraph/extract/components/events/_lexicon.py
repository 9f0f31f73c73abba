"""The events component's lexicons, loaded once and compiled into lookup tables.

`plover_triggers.json` holds the PLOVER triggers (verbs, frames, event nouns, light, reporting,
intent and absorbing verbs); `event_actors.json` the generic actor nouns with their sectors and
the context words; `event_rules.json` the grammar's word lists; `event_confidence.json` the
confidence weights; `countries.tsv` country names, capitals and demonyms with ISO codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.extract.lexicons import load_json, load_text


@dataclass(frozen=True, slots=True)
class Sense:
    """One way a trigger word is coded: its PLOVER type (None = not an event), mode and CAMEO root.

    `origin` says where the sense comes from: this project's lexicon, a CAMEO dictionary pattern
    (`cameo_pattern`; `cameo_prep` for a pattern of prepositions only) or a CAMEO verb's own code
    (`cameo_verb`, the least specific); `question` marks a speech verb that reports a question
    (`_questions`).
    """

    type: str | None
    mode: str | None = None
    cameo: str | None = None
    origin: str = "lexicon"


WEAK_ORIGINS = frozenset({"cameo_verb", "cameo_prep"})
"""Senses from the dictionary's verb alone or a pattern of its prepositions only: coded only between two
political actors of the main clause."""


@dataclass(frozen=True, slots=True)
class Frame:
    """A trigger sense that holds only in a dependency frame (object, subject, particle, preposition)."""

    lemma: str
    sense: Sense
    obj: frozenset[str] = frozenset()
    obj_ent: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    prt: frozenset[str] = frozenset()
    clause: bool = False  # holds only when the verb's complement is a clause, with no object


@dataclass(frozen=True, slots=True)
class NounMod:
    """A modifier that changes an event noun's type ("hunger strike" -> PROTEST)."""

    noun: str
    mods: frozenset[str]
    sense: Sense


@dataclass(frozen=True, slots=True)
class Weights:
    """Confidence weights (`event_confidence.json`): bases by how a trigger was found, penalties, factors."""

    base: dict[str, float]
    penalty: dict[str, float]
    factor: dict[str, float]
    floor: float
    ceiling: dict[str, float]


@dataclass(frozen=True)
class Lexicon:
    """All compiled tables of the events component."""

    verbs: dict[str, Sense]
    frames: dict[str, tuple[Frame, ...]]
    nouns: dict[str, Sense]
    weak_nouns: frozenset[str]
    noun_context: dict[str, frozenset[str]]
    noun_violent_context: dict[str, frozenset[str]]
    noun_mods: dict[str, tuple[NounMod, ...]]
    noun_blockers: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    suffer_lights: frozenset[str]
    observer_lights: frozenset[str]
    transitive_protest: frozenset[str]
    striking_workers: frozenset[str]
    reporting: frozenset[str]
    intent_only: frozenset[str]
    attempt_heads: frozenset[str]
    absorbing: dict[str, str]
    absorbing_frames: dict[str, dict[str, Any]]
    future_aux: frozenset[str]
    conditional_aux: frozenset[str]
    modal_aux: frozenset[str]
    obligation_aux: frozenset[str]
    contexts: dict[str, frozenset[str]]
    cooperative: frozenset[str]
    material_conflict: frozenset[str]
    threat_modes: dict[str, str]
    reciprocal_types: frozenset[str]
    reciprocal_lemmas: frozenset[str]
    target_preps: dict[str, tuple[str, ...]]
    own_preps_only: frozenset[str]
    noun_source_of: frozenset[str]
    noun_target_of: frozenset[str]
    cameo_by_type: dict[str, str]
    sector_nouns: dict[str, str]
    modifier_sectors: dict[str, str]
    profession_nouns: dict[str, str]
    office_nouns: frozenset[str]
    past_holder_words: frozenset[str]
    delegate_nouns: frozenset[str]
    delegate_preps: frozenset[str]
    anaphoric_nouns: frozenset[str]
    country_nouns: frozenset[str]
    pronouns: dict[str, str]
    non_actor_heads: frozenset[str]
    document_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    munition_nouns: frozenset[str]
    rioter_nouns: frozenset[str]
    hazard_nouns: frozenset[str]
    pathogen_nouns: frozenset[str]
    topic_nouns: frozenset[str]
    remains_nouns: frozenset[str]
    violence_cues: frozenset[str]
    harm_lemmas: frozenset[str]
    sports_words: frozenset[str]
    sports_min_hits: int
    sports_weak: frozenset[str]
    sports_sensitive: frozenset[str]
    verbal_context: frozenset[str]
    verbal_attack_lemmas: frozenset[str]
    metaphor_conflict_lemmas: frozenset[str]
    campaign_context: frozenset[str]
    market_context: frozenset[str]
    protest_cues: frozenset[str]
    number_words: dict[str, float]
    number_scales: dict[str, float]
    dead_lemmas: frozenset[str]
    injured_lemmas: frozenset[str]
    victim_nouns: frozenset[str]
    adherent_nouns: frozenset[str]
    people_nouns: frozenset[str]  # persons who can act (_people_nouns.py)
    not_people_nouns: frozenset[str]  # speaker nouns whose common sense is a thing ("a campaign", "a source")
    mass_sense_nouns: frozenset[str]  # bare and singular, a thing, not a party ("use force": _mass_nouns.py)
    size_nouns: frozenset[str]
    political_org_words: frozenset[str]
    place_nouns: frozenset[str]
    animal_nouns: frozenset[str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    object_control: frozenset[str]
    gerund_control: frozenset[str]
    toll_verbs: frozenset[str]
    accident_verbs: frozenset[str]
    crash_verbs: frozenset[str]
    obligation_verbs: frozenset[str]
    negating_adverbs: frozenset[str]
    question_openers: frozenset[str]
    question_marks: frozenset[str]
    permission_verbs: frozenset[str]
    ability_heads: frozenset[str]
    inability_heads: frozenset[str]
    title_nouns: frozenset[str]
    title_modifiers: frozenset[str]
    title_ranks: frozenset[str]
    spelled_titles: dict[str, str]
    instrument_verbs: frozenset[str]
    dispatch_verbs: frozenset[str]
    active_only: frozenset[str]
    response_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    asking_nouns: frozenset[str]
    probed_heads: frozenset[str]
    relay_verbs: frozenset[str]
    internal_mods: frozenset[str]
    quantifier_pronouns: frozenset[str]
    clause_only_reporters: frozenset[str]
    transfer_verbs: frozenset[str]
    aid_purpose_verbs: frozenset[str]
    control_nouns: frozenset[str]
    territory_nouns: frozenset[str]
    standing_nouns: frozenset[str]
    figurative_ground: frozenset[str]
    in_object_verbs: frozenset[str]
    performative_verbs: frozenset[str]
    haste_verbs: frozenset[str]
    seeming_verbs: frozenset[str]
    person_patient_verbs: frozenset[str]
    answering_verbs: frozenset[str]
    declined_comment_heads: frozenset[str]
    declined_comment_verbs: frozenset[str]
    declined_comment_givings: frozenset[str]
    information_nouns: frozenset[str]
    declined_comment_nouns: frozenset[str]
    offering_verbs: frozenset[str]
    means_clause_verbs: frozenset[str]
    result_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    rally_holding_verbs: frozenset[str]
    quantifier_nouns: frozenset[str]
    compound_heads: frozenset[str]
    background_marks: frozenset[str]
    pending_marks: frozenset[str]
    background_preps: frozenset[str]
    locative_preps: frozenset[str]
    relational_preps: frozenset[str]
    place_part_nouns: frozenset[str]
    visit_nouns: frozenset[str]
    neutral_particles: frozenset[str]
    verbal_types: frozenset[str]
    speech_hosts: frozenset[str]
    sports_ambiguous_cues: frozenset[str]
    occurrence_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    belief_heads: frozenset[str]
    denial_heads: frozenset[str]
    allegation_heads: frozenset[str]
    charge_verbs: frozenset[str]
    alleging_adverbs: frozenset[str]
    proof_heads: frozenset[str]
    asserting_negated_heads: frozenset[str]
    question_verbs: frozenset[str]
    purpose_harm: frozenset[str]
    unfulfilled_heads: frozenset[str]
    request_lights: frozenset[str]
    addressee_verbs: frozenset[str]
    hearer_verbs: frozenset[str]
    political_types: frozenset[str]
    owner_types: frozenset[str]
    limit_modes: frozenset[str]
    mover_senses: frozenset[str]
    implicative_heads: frozenset[str]
    proposition_types: frozenset[str]
    practice_types: frozenset[str]
    target_required: frozenset[str]
    counterpart_types: frozenset[str]
    intent_counterpart_types: frozenset[str]
    named_counterpart_types: frozenset[str]
    inward_types: frozenset[str]
    source_required: frozenset[str]
    aggregate_counters: frozenset[str]
    aggregate_amods: frozenset[str]
    aggregate_min_count: float
    habitual_adverbs: frozenset[str]
    introduced_nouns: frozenset[str]
    possessed_org_nouns: frozenset[str]
    health_words: frozenset[str]
    laboratory_words: frozenset[str]
    national_government_nouns: frozenset[str]
    other_party_nouns: frozenset[str]
    partner_preps: frozenset[str]
    mutual_words: frozenset[str]
    gathering_verbs: frozenset[str]
    period_nouns: frozenset[str]
    period_preps: frozenset[str]
    trend_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    forecast_heads: frozenset[str]
    imminent_heads: frozenset[str]
    completive_verbs: frozenset[str]
    weights: Weights
    trigger_lemmas: frozenset[str] = field(default_factory=frozenset)
    noun_lemmas: frozenset[str] = field(default_factory=frozenset)
    country_names: frozenset[str] = field(default_factory=frozenset)  # a country's own name, no capital


def _fs(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


_ACTOR_WORD_LISTS = (
    "delegate_nouns", "delegate_preps", "anaphoric_nouns", "non_actor_heads", "document_nouns",
    "weapon_nouns", "rioter_nouns", "munition_nouns", "pathogen_nouns",
    "hazard_nouns", "violence_cues", "harm_lemmas", "sports_words", "sports_weak", "verbal_context",
    "verbal_attack_lemmas", "metaphor_conflict_lemmas", "campaign_context", "market_context", "protest_cues",
    "dead_lemmas",
    "injured_lemmas", "victim_nouns", "size_nouns", "political_org_words", "place_nouns", "animal_nouns",
    "topic_nouns", "remains_nouns", "country_nouns", "office_nouns", "past_holder_words", "adherent_nouns",
    "not_people_nouns", "mass_sense_nouns",
)  # fmt: skip
_RULE_WORD_LISTS = (
    "object_control", "gerund_control", "toll_verbs", "accident_verbs", "crash_verbs", "obligation_verbs",
    "negating_adverbs", "instrument_verbs", "dispatch_verbs", "active_only", "response_verbs", "claim_nouns",
    "asking_nouns",
    "internal_mods", "probed_heads", "relay_verbs", "in_object_verbs", "performative_verbs", "haste_verbs",
    "seeming_verbs", "person_patient_verbs",
    "rally_holding_verbs",
    "quantifier_pronouns", "quantifier_nouns",
    "compound_heads", "background_marks", "pending_marks",
    "background_preps", "locative_preps", "relational_preps", "place_part_nouns", "visit_nouns",
    "neutral_particles", "sports_ambiguous_cues", "occurrence_verbs",
    "cognition_verbs", "question_verbs", "purpose_harm", "unfulfilled_heads", "request_lights",
    "addressee_verbs", "clause_only_reporters", "transfer_verbs", "aid_purpose_verbs", "control_nouns",
    "territory_nouns", "standing_nouns", "figurative_ground", "hearer_verbs",
    "question_openers",
    "question_marks", "permission_verbs", "ability_heads", "inability_heads",
    "aggregate_counters", "aggregate_amods", "habitual_adverbs", "period_nouns", "period_preps",
    "trend_verbs", "belief_heads", "denial_heads", "allegation_heads", "charge_verbs", "alleging_adverbs",
    "proof_heads",
    "asserting_negated_heads",
    "hedge_adverbs", "forecast_heads", "imminent_heads", "completive_verbs", "introduced_nouns",
    "possessed_org_nouns", "answering_verbs", "declined_comment_heads", "declined_comment_verbs",
    "declined_comment_givings", "information_nouns", "declined_comment_nouns",
    "offering_verbs", "means_clause_verbs", "result_verbs",
    "health_words", "laboratory_words",
    "national_government_nouns",
    "topic_verbs",
    "other_party_nouns",
    "partner_preps", "mutual_words", "gathering_verbs",
)  # fmt: skip
_TRIGGER_WORD_LISTS = (
    "weak_nouns", "light_verbs", "intent_only", "attempt_heads", "future_aux", "conditional_aux", "modal_aux",
    "obligation_aux", "reciprocal_lemmas", "noun_source_of", "noun_target_of", "cooperative",
    "material_conflict",
)  # fmt: skip


@cache
def load_lexicon() -> Lexicon:
    """Load and compile the events lexicons (cached per process)."""
    trig = load_json("plover_triggers.json")
    fields = _trigger_fields(trig)
    fields.update(_actor_fields(load_json("event_actors.json")))
    fields.update(_rule_fields(load_json("event_rules.json"), load_json("event_confidence.json")))
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    names: set[str] = set()
    for line in load_text("countries.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, iso, kind = line.split("\t")
        (demonyms if kind == "demonym" else countries)[name.lower()] = iso
        if kind == "country":
            names.add(name.lower())
    trigger_lemmas = {k.split()[0] for k in fields["verbs"]} | {k.split()[0] for k in fields["frames"]}
    trigger_lemmas |= set(fields["absorbing"]) | set(trig["object_only"])
    return Lexicon(
        **fields,
        title_nouns=_fs(load_json("titles.json")["titles"]),
        title_modifiers=_fs(load_json("titles.json")["modifiers"]),
        title_ranks=_fs(load_json("titles.json")["ranks"]),
        spelled_titles=dict(load_json("titles.json")["spelled_out"]),
        countries=countries,
        demonyms=demonyms,
        trigger_lemmas=frozenset(trigger_lemmas),
        noun_lemmas=frozenset(fields["nouns"]),
        country_names=frozenset(names),
    )


def _trigger_fields(trig: dict[str, Any]) -> dict[str, Any]:
    """Compile `plover_triggers.json`: verbs, frames, nouns and the word lists of modality."""
    verbs: dict[str, Sense] = {}
    cameo_by_type: dict[str, str] = {}
    for type_, spec in trig["verbs"].items():
        cameo_by_type.setdefault(type_, spec["cameo"])
        for lemma, mode in spec["lemmas"].items():
            verbs[lemma] = Sense(type_, mode, spec["cameo"])
    frames: dict[str, list[Frame]] = {}
    for f in trig["frames"]:
        frame = Frame(
            lemma=f["lemma"],
            sense=Sense(f["type"], f.get("mode"), f.get("cameo")),
            obj=_fs(f.get("obj")),
            obj_ent=frozenset(f.get("obj_ent") or ()),
            subj=_fs(f.get("subj")),
            prep=_fs(f.get("prep")),
            prt=_fs(f.get("prt")),
            clause=bool(f.get("clause")),
        )
        frames.setdefault(f["lemma"], []).append(frame)
    nouns: dict[str, Sense] = {}
    for type_, spec in trig["nouns"].items():
        for lemma, mode in spec["lemmas"].items():
            nouns[lemma] = Sense(type_, mode, spec["cameo"])
    noun_mods: dict[str, list[NounMod]] = {}
    for m in trig["noun_mods"]:
        sense = Sense(m["type"], m.get("mode"), cameo_by_type.get(m["type"]))
        noun_mods.setdefault(m["noun"], []).append(NounMod(m["noun"], _fs(m["mods"]), sense))
    fields: dict[str, Any] = {name: _fs(trig[name]) for name in _TRIGGER_WORD_LISTS}
    fields.update(
        verbs=verbs,
        frames={k: tuple(v) for k, v in frames.items()},
        nouns=nouns,
        noun_context={k: _fs(v) for k, v in trig["noun_context"].items()},
        noun_violent_context={k: _fs(v) for k, v in trig["noun_violent_context"].items()},
        noun_mods={k: tuple(v) for k, v in noun_mods.items()},
        noun_blockers={k: _fs(v) for k, v in trig["noun_blockers"].items()},
        reporting=_fs(trig["reporting_verbs"]),
        suffer_lights=_fs(trig["light_verbs_passive_subject"]),
        observer_lights=_fs(trig["light_verbs_observer"]),
        transitive_protest=_fs(trig["transitive_protest"]),
        striking_workers=_fs(trig["striking_workers"]),
        absorbing={k.lower(): v for k, v in trig["absorbing_heads"].items()},
        absorbing_frames=trig["absorbing_frames"],
        contexts={k: _fs(v) for k, v in trig["contexts"].items() if not k.startswith("_")},
        threat_modes=trig["threat_modes"],
        reciprocal_types=frozenset(trig["reciprocal_types"]),
        target_preps={k: tuple(v) for k, v in trig["target_preps"].items()},
        own_preps_only=frozenset(trig["own_preps_only"]),
        cameo_by_type=cameo_by_type,
    )
    return fields


def _actor_fields(act: dict[str, Any]) -> dict[str, Any]:
    """Compile `event_actors.json`: actor nouns with their sectors, context words, number words."""
    fields: dict[str, Any] = {name: _fs(act[name]) for name in _ACTOR_WORD_LISTS}
    fields.update(
        sector_nouns={k.lower(): v for k, v in act["sector_nouns"].items()},
        modifier_sectors={k.lower(): v for k, v in act["modifier_sectors"].items()},
        profession_nouns={k.lower(): v for k, v in act["profession_nouns"].items()},
        pronouns={k.lower(): v for k, v in act["pronouns"].items()},
        sports_min_hits=int(act["sports_min_hits"]),
        sports_sensitive=frozenset(act["sports_sensitive_types"]),
        number_words={k.lower(): float(v) for k, v in act["number_words"].items()},
        number_scales={k.lower(): float(v) for k, v in act["number_scales"].items()},
        people_nouns=_people_nouns(act),
    )
    return fields


def _people_nouns(act: dict[str, Any]) -> frozenset[str]:
    """Join the people noun lists of `event_actors.json` and the speaker person nouns (`_people_nouns.py`)."""
    persons = _fs(load_json("speaker_nouns.json")["person"]) - _fs(act["not_people_nouns"])
    return persons | _fs(act["victim_nouns"]) | _fs(act["office_nouns"]) | _fs(act["profession_nouns"])


def _rule_fields(rules: dict[str, Any], conf: dict[str, Any]) -> dict[str, Any]:
    """Compile `event_rules.json` (the grammar's word lists) and `event_confidence.json` (weights)."""
    fields: dict[str, Any] = {name: _fs(rules[name]) for name in _RULE_WORD_LISTS}
    fields["verbal_types"] = frozenset(rules["verbal_types"])
    fields["speech_hosts"] = frozenset(rules["speech_hosts"])
    fields["source_required"] = frozenset(rules["source_required"])
    fields["political_types"] = frozenset(rules["political_types"])
    fields["target_required"] = frozenset(rules["target_required"])
    fields["counterpart_types"] = frozenset(rules["counterpart_types"])
    fields["intent_counterpart_types"] = frozenset(rules["intent_counterpart_types"])
    fields["named_counterpart_types"] = frozenset(rules["named_counterpart_types"])
    fields["inward_types"] = frozenset(rules["inward_types"])
    fields["owner_types"] = frozenset(rules["owner_types"])
    fields["limit_modes"] = frozenset(rules["limit_modes"])
    fields["mover_senses"] = frozenset(rules["mover_senses"])
    fields["implicative_heads"] = frozenset(rules["implicative_heads"])
    fields["proposition_types"] = frozenset(rules["proposition_types"])
    fields["practice_types"] = frozenset(rules["practice_types"])
    fields["aggregate_min_count"] = float(rules["aggregate_min_count"])
    fields["weights"] = Weights(
        base={k: float(v) for k, v in conf["base"].items()},
        penalty={k: float(v) for k, v in conf["penalty"].items()},
        factor={k: float(v) for k, v in conf["factor"].items()},
        floor=float(conf["floor"]),
        ceiling={k: float(v) for k, v in conf["ceiling"].items()},
    )
    return fields
