"""People nouns: common nouns that name a person or people who can act, one definition for the actor test.

A people noun is a head noun of a speaker description that names a person (the quotes component's
`speaker_nouns.json`, `person`: "experts", "investigators", "the aide"), an office or a profession
(`event_actors.json`, `office_nouns`, `profession_nouns`: "officials", "analysts") or a person an
event is done to (`victim_nouns`: "a suspect", "four vendors"), less the speaker nouns whose common
sense is a thing (`not_people_nouns`: "the source of the fire", "a campaign"). The lists stay
where they are defined; the lexicon joins them once (`Lexicon.people_nouns`), and `people_noun` is the test.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon


def people_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun's lemma names a person or people who can act ("experts", "investigators")."""
    return tok.lemma_.lower() in lex.people_nouns
