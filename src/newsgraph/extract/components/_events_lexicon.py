"""The events component's lexicons, loaded once and compiled into lookup tables.

`plover_triggers.json` holds the PLOVER triggers (verbs, frames, event nouns, light, reporting,
intent and absorbing verbs); `event_actors.json` the generic actor nouns with their sectors and
the context words; `countries.tsv` country names, capitals and demonyms with ISO codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.extract.lexicons import load_json, load_text


@dataclass(frozen=True, slots=True)
class Sense:
    """One way a trigger word is coded: its PLOVER type (None = not an event), mode and CAMEO root."""

    type: str | None
    mode: str | None = None
    cameo: str | None = None


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


@dataclass(frozen=True, slots=True)
class NounMod:
    """A modifier that changes an event noun's type ("hunger strike" -> PROTEST)."""

    noun: str
    mods: frozenset[str]
    sense: Sense


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
    reporting: frozenset[str]
    intent_only: frozenset[str]
    attempt_heads: frozenset[str]
    absorbing: dict[str, str]
    absorbing_frames: dict[str, dict[str, Any]]
    future_aux: frozenset[str]
    modal_aux: frozenset[str]
    obligation_aux: frozenset[str]
    contexts: dict[str, frozenset[str]]
    cooperative: frozenset[str]
    material_conflict: frozenset[str]
    threat_modes: dict[str, str]
    reciprocal_types: frozenset[str]
    reciprocal_lemmas: frozenset[str]
    target_preps: dict[str, tuple[str, ...]]
    noun_source_of: frozenset[str]
    noun_target_of: frozenset[str]
    cameo_by_type: dict[str, str]
    sector_nouns: dict[str, str]
    modifier_sectors: dict[str, str]
    delegate_nouns: frozenset[str]
    delegate_preps: frozenset[str]
    anaphoric_nouns: frozenset[str]
    pronouns: dict[str, str]
    non_actor_heads: frozenset[str]
    weapon_nouns: frozenset[str]
    rioter_nouns: frozenset[str]
    hazard_nouns: frozenset[str]
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
    protest_cues: frozenset[str]
    number_words: dict[str, float]
    number_scales: dict[str, float]
    dead_lemmas: frozenset[str]
    injured_lemmas: frozenset[str]
    victim_nouns: frozenset[str]
    size_nouns: frozenset[str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    trigger_lemmas: frozenset[str] = field(default_factory=frozenset)
    noun_lemmas: frozenset[str] = field(default_factory=frozenset)


def _fs(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@cache
def load_lexicon() -> Lexicon:
    """Load and compile the events lexicons (cached per process)."""
    trig = load_json("plover_triggers.json")
    act = load_json("event_actors.json")
    verbs: dict[str, Sense] = {}
    cameo_by_type: dict[str, str] = {}
    for type_, spec in trig["verbs"].items():
        cameo_by_type.setdefault(type_, spec["cameo"])
        for lemma, mode in spec["lemmas"].items():
            verbs[lemma] = Sense(type_, mode, spec["cameo"])
    frames: dict[str, list[Frame]] = {}
    for f in trig["frames"]:
        sense = Sense(f["type"], f.get("mode"), f.get("cameo"))
        frame = Frame(
            lemma=f["lemma"],
            sense=sense,
            obj=_fs(f.get("obj")),
            obj_ent=frozenset(f.get("obj_ent") or ()),
            subj=_fs(f.get("subj")),
            prep=_fs(f.get("prep")),
            prt=_fs(f.get("prt")),
        )
        frames.setdefault(f["lemma"], []).append(frame)
    nouns: dict[str, Sense] = {}
    for type_, spec in trig["nouns"].items():
        for lemma, mode in spec["lemmas"].items():
            nouns[lemma] = Sense(type_, mode, spec["cameo"])
    noun_mods: dict[str, list[NounMod]] = {}
    for m in trig["noun_mods"]:
        cameo = cameo_by_type.get(m["type"])
        noun_mods.setdefault(m["noun"], []).append(
            NounMod(m["noun"], _fs(m["mods"]), Sense(m["type"], m.get("mode"), cameo))
        )
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in load_text("countries.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, iso, kind = line.split("\t")
        (demonyms if kind == "demonym" else countries)[name.lower()] = iso
    absorbing = {k.lower(): v for k, v in trig["absorbing_heads"].items()}
    trigger_lemmas = {k.split()[0] for k in verbs}
    trigger_lemmas |= {k.split()[0] for k in frames}
    trigger_lemmas |= set(absorbing) | set(trig["object_only"])
    lex = Lexicon(
        verbs=verbs,
        frames={k: tuple(v) for k, v in frames.items()},
        nouns=nouns,
        weak_nouns=_fs(trig["weak_nouns"]),
        noun_context={k: _fs(v) for k, v in trig["noun_context"].items()},
        noun_violent_context={k: _fs(v) for k, v in trig["noun_violent_context"].items()},
        noun_mods={k: tuple(v) for k, v in noun_mods.items()},
        noun_blockers={k: _fs(v) for k, v in trig["noun_blockers"].items()},
        light_verbs=_fs(trig["light_verbs"]),
        reporting=_fs(trig["reporting_verbs"]),
        intent_only=_fs(trig["intent_only"]),
        attempt_heads=_fs(trig["attempt_heads"]),
        absorbing=absorbing,
        absorbing_frames=trig["absorbing_frames"],
        future_aux=_fs(trig["future_aux"]),
        modal_aux=_fs(trig["modal_aux"]),
        obligation_aux=_fs(trig["obligation_aux"]),
        contexts={k: _fs(v) for k, v in trig["contexts"].items() if not k.startswith("_")},
        cooperative=_fs(t.lower() for t in trig["cooperative"]),
        material_conflict=_fs(t.lower() for t in trig["material_conflict"]),
        threat_modes=trig["threat_modes"],
        reciprocal_types=frozenset(trig["reciprocal_types"]),
        reciprocal_lemmas=_fs(trig["reciprocal_lemmas"]),
        target_preps={k: tuple(v) for k, v in trig["target_preps"].items()},
        noun_source_of=_fs(trig["noun_source_of"]),
        noun_target_of=_fs(trig["noun_target_of"]),
        cameo_by_type=cameo_by_type,
        sector_nouns={k.lower(): v for k, v in act["sector_nouns"].items()},
        modifier_sectors={k.lower(): v for k, v in act["modifier_sectors"].items()},
        delegate_nouns=_fs(act["delegate_nouns"]),
        delegate_preps=_fs(act["delegate_preps"]),
        anaphoric_nouns=_fs(act["anaphoric_nouns"]),
        pronouns={k.lower(): v for k, v in act["pronouns"].items()},
        non_actor_heads=_fs(act["non_actor_heads"]),
        weapon_nouns=_fs(act["weapon_nouns"]),
        rioter_nouns=_fs(act["rioter_nouns"]),
        hazard_nouns=_fs(act["hazard_nouns"]),
        violence_cues=_fs(act["violence_cues"]),
        harm_lemmas=_fs(act["harm_lemmas"]),
        sports_words=_fs(act["sports_words"]),
        sports_min_hits=int(act["sports_min_hits"]),
        sports_weak=_fs(act["sports_weak"]),
        sports_sensitive=frozenset(act["sports_sensitive_types"]),
        verbal_context=_fs(act["verbal_context"]),
        verbal_attack_lemmas=_fs(act["verbal_attack_lemmas"]),
        metaphor_conflict_lemmas=_fs(act["metaphor_conflict_lemmas"]),
        campaign_context=_fs(act["campaign_context"]),
        protest_cues=_fs(act["protest_cues"]),
        number_words={k.lower(): float(v) for k, v in act["number_words"].items()},
        number_scales={k.lower(): float(v) for k, v in act["number_scales"].items()},
        dead_lemmas=_fs(act["dead_lemmas"]),
        injured_lemmas=_fs(act["injured_lemmas"]),
        victim_nouns=_fs(act["victim_nouns"]),
        size_nouns=_fs(act["size_nouns"]),
        countries=countries,
        demonyms=demonyms,
        trigger_lemmas=frozenset(trigger_lemmas),
        noun_lemmas=frozenset(nouns),
    )
    return lex
