"""Which actor a noun phrase stands for, coded as an analyst codes it: an id and a sector.

* Named entities: countries and blocs as they are; a person or a state body
  with a stated (or known) country becomes that country, with the sector of
  the role ("Defence Minister Sergei Shoigu" → Russia, government); IGOs and
  known armed groups keep their own id with their sector.
* Generic agents ("warplanes", "police", "protesters") take their sector from
  the agents table and their country from a nationality word, a possessor,
  "of/from X", or, for the state's own forces, "in X" ("Police in Hong
  Kong"); without one they are ``group:<sector>``.
* Pronouns and "the army" take the actor the text last made act.
"""

from dataclasses import dataclass

from spacy.tokens import Token

from consumers.nlp.events.agency import is_stranded
from consumers.nlp.events.anaphora import (
    PAIR_PREFIXES,
    listed_states,
    misread_list,
    misread_pair,
    named_pair,
    pair_members,
)
from consumers.nlp.events.bodies import un_body
from consumers.nlp.events.civil import as_protesters
from consumers.nlp.events.entities import GROUP_PRONOUNS, Actor, EntityReader
from consumers.nlp.events.rules import unique
from consumers.nlp.events.sectors import (
    IGO_NAMES,
    OWN_NAME_SECTORS,
    STATE_SECTORS,
    agent_sector,
    described_kind,
    known_group,
)
from consumers.nlp.events.unnamed import (
    carried,
    crew_of_crime,
    crime_vessel,
    modifier_sector,
    noun_phrase,
    people_of_no_group,
    people_word,
    protesting,
    refined_sector,
    splinter,
    stateless_people,
    suspected_of_crime,
)
from consumers.nlp.resolve import slugify
from schemas import EntityType, Sector

# Nouns naming a group as the government it runs: "the Taliban government", "the Houthi authorities".
RULING_NOUNS = {"government", "administration", "authority", "authorities", "regime", "cabinet"}
# "the two leaders met": nouns that, counted as two, stand for the last two parties named.
PAIRED_NOUNS = {"leader", "man", "country", "side", "government", "neighbour", "neighbor", "nation", "minister"}
REFERRING_GROUPS = {"group", "militia", "movement", "organisation", "organization", "bloc", "alliance"}  # "the group"
# Nouns that stand for whoever holds them: "militant positions", "the Turkish embassy", "an Israeli convoy".
PROXY_NOUNS = {
    "position", "positions", "base", "bases", "convoy", "convoys", "embassy", "consulate", "territory", "target",
    "targets", "camp", "camps", "village", "villages", "ship", "ships", "vessel", "vessels", "facility",
    "facilities", "hideout", "hideouts", "stronghold", "strongholds", "outpost", "outposts", "headquarters",
    "checkpoint", "checkpoints", "patrol", "patrols", "post", "posts", "plane", "aircraft", "jet", "drone",
    "drones", "tanker", "boat", "boats", "fishermen", "nationals", "citizens", "interests", "assets", "forces",
    "force", "unit", "units", "delegation", "counterpart", "counterparts", "leaders", "leadership", "side",
    "missile", "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs", "depot", "depots", "station",
    "compound", "office", "offices", "airport", "port", "warehouse", "property", "mission", "refinery",
    "refineries", "plant", "plants", "pipeline", "infrastructure", "grid", "site", "sites", "flight", "flights",
}  # fmt: skip
QUANTITY_NOUNS = {
    "thousands", "hundreds", "dozens", "scores", "millions", "tens", "group", "number", "some", "many", "most",
    "all", "several", "few", "members", "unit", "contingent", "battalion", "delegation", "crowd", "crowds",
}  # fmt: skip
# People who work for an organisation and, named with it, stand for it: "Amnesty International researchers".
STAFF_NOUNS = {"researcher", "staff", "staffer", "employee", "personnel", "volunteer", "contractor"}
PROXY_SECTORS: dict[str, Sector] = {
    "embassy": "government", "consulate": "government", "delegation": "government", "counterpart": "government",
    "counterparts": "government", "leaders": "government", "leadership": "government", "nationals": "civilians",
    "citizens": "civilians", "fishermen": "civilians", "convoy": "military", "convoys": "military",
    "base": "military", "bases": "military", "positions": "military", "position": "military", "patrol": "military",
    "patrols": "military", "forces": "military", "force": "military", "unit": "military", "units": "military",
    "outpost": "military", "outposts": "military", "checkpoint": "military", "checkpoints": "military",
    "missile": "military", "missiles": "military", "rocket": "military", "rockets": "military",
    "shell": "military", "shells": "military", "mission": "government", "office": "government",
}  # fmt: skip


LOCATIVE_PREPS = {
    "in", "at", "to", "from", "near", "outside", "around", "into", "through", "across", "throughout", "over", "of",
    "inside",
}  # fmt: skip


def _locative(token: Token) -> bool:
    """ "in Brussels", "talks at Brussels": the name says where, not who."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


@dataclass(slots=True)
class ActorReader(EntityReader):
    """Reads actors off the noun phrases of one parsed text."""

    def actors(self, token: Token) -> list[Actor]:
        """The actors a noun phrase stands for, one per conjunct ("Greece and Cyprus").

        One agent noun with several nationality words stands for each
        ("Japanese and Philippine officials").
        """
        pair = self.pair_of(token) or pair_members(token, self.pair_of)  # "envoys from the two countries"
        pair = pair or listed_states(token, self.actors)  # "the Sahel states of Mali, Burkina Faso and Niger"
        if pair:
            return pair
        if named := self._apposed_names(token):  # "Chinese telecom firms Huawei and ZTE": each firm
            return named
        found: list[Actor] = []
        conjuncts = [c for c in token.conjuncts if not is_stranded(c)]  # "in the north and Chad sent troops"
        heads = misread_pair(token) or [token, *conjuncts, *misread_list(token, self.owners)]
        for head in heads:
            actor = self.single(head)
            if actor is None:
                continue
            group = [actor]
            proxied = actor.sector is None and head.pos_ == "NOUN"  # "Egyptian and Jordanian aircraft"
            if actor.person is None and (actor.sector is not None or proxied) and head.i not in self.owners:
                others = self._nationalities(head, locative=actor.sector in STATE_SECTORS)
                if any(o.id == actor.id for o in others):  # the nationality words made the actor
                    group += [Actor(o.id, o.name, actor.sector) for o in others if o.id != actor.id]
            found.extend(a for a in group if a not in found)
        return found

    def single(self, token: Token) -> Actor | None:
        """The actor one head word stands for, or None."""
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            return self.single(token.head.head)  # "troops who attacked": the antecedent
        owner = self.owners.get(token.i)
        if owner is not None and token.lower_ == "brussels" and not _locative(token):  # "thanked Brussels": the EU
            return Actor("org:european-union", IGO_NAMES["org:european-union"], "igo")
        if owner is not None:
            actor = self.of_entity(owner, token)
            if actor is not None and actor.id.startswith("org:") and actor.sector in STATE_SECTORS:
                country = self._nationality(token, locative=False)  # "Thailand's Constitutional Court"
                if country is None and " " not in actor.name and agent_sector(actor.name.lower()) is not None:
                    country = self._context_country(token)  # "marched on Congress in Buenos Aires": a generic name
                if country is not None:
                    return Actor(country.id, country.name, actor.sector)
            return un_body(self, token) or actor
        if token.pos_ == "PRON" or token.lower_ in GROUP_PRONOUNS:
            return self._pronoun(token)
        if token.lower_ in REFERRING_GROUPS:  # "the Hamas movement"; "The group said": the group named before
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            named = self._named_members(token) or (self._last_named_group(token) if the else None)
            if named is not None:
                return named
        if token.lower_ in QUANTITY_NOUNS:  # "thousands of Ethiopian troops", "a group of protesters"
            of = [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            # "the 25 crew members of a cargo ship": the kind of people named before the noun
            kind = [c for c in token.children if c.dep_ == "compound" and agent_sector(c.lower_) is not None]
            if any(c.i in self.owners for c in token.children):
                kind = []  # "its three Colombian crew members": the nationality says whose
            found = self.single((kind or of)[0]) if of or kind else self._named_members(token)
            if found is None and token.lemma_.lower() == "crowd":  # "marched on parliament ... dispersed the crowd"
                the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                found = (self.last_protesters(token) if the else None) or self._agent(token, "civilians")
            return as_protesters(found) if found is not None and protesting(token) else found
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        if (
            token.pos_ == "PROPN"
            and token.is_upper
            and len(token) >= 3
            and token.dep_ in ("pobj", "dobj", "nsubj", "conj")
        ):
            return Actor(f"org:{slugify(token.text)}", token.text, None)  # "the ELN": an acronym names a group
        for child in token.children:  # "the foreign minister, Sameh Shoukry": the named person acts
            misparsed = child.dep_ == "relcl" and child.pos_ == "PROPN" and child.left_edge.i == token.i + 1
            if (child.dep_ in ("appos", "compound") or misparsed) and child.i in self.owners:  # "leader [Tundu Lissu]"
                actor = self.of_entity(self.owners[child.i], child)
                full_name = " " in self.resolution.entities[self.owners[child.i]].name  # not "Riot police"
                if actor is not None and actor.person is not None and full_name:
                    return actor
        cargo = carried(token)  # "intercepted a boat carrying 80 migrants": the migrants
        people = self.single(cargo) if cargo is not None else None
        if people is not None:
            return people
        if crime_vessel(token) or crew_of_crime(token):  # "a suspected drug-smuggling boat", "its crew"
            return Actor("group:criminals", noun_phrase(token), "criminals")
        if agent_sector(token.lower_) == "military" and stateless_people(token, self.owners):
            return Actor("group:rebels", noun_phrase(token), "rebels")  # "Kurdish forces" are no state's army
        if token.lower_ in PROXY_NOUNS or token.lemma_.lower() in PROXY_NOUNS:
            return self._proxy(token)
        phrase = noun_phrase(token)  # "the human rights office", "a cigarette smuggling network"
        sector = modifier_sector(token) or agent_sector(phrase) or agent_sector(" ".join(phrase.split()[-2:]))
        sector = sector or agent_sector(token.lower_)
        if sector == "civilians" and suspected_of_crime(token):
            sector = "criminals"  # "14 people suspected of smuggling migrants"
        if sector == "civilians" and protesting(token):
            sector = "protesters"  # "students marching on parliament"
        trade = sector or described_kind([token.lower_])  # "Dutch brewer Heineken", "India's state oil firm ONGC"
        # "the opposition Erk Democratic Party": a party or armed group no country is stated for
        stateless = sector in ("opposition", "rebels") and self._nationality(token, locative=False) is None
        if (trade in OWN_NAME_SECTORS or stateless) and (company := self._apposed_name(token)) is not None:
            return Actor(f"org:{slugify(company)}", company, trade)
        if sector is not None:
            return self._agent(token, refined_sector(token, sector))
        return self._employer(token) if token.lemma_.lower() in STAFF_NOUNS else None

    def _employer(self, token: Token) -> Actor | None:
        """The organisation whose staff a noun names: "six Amnesty International researchers", "staff of the WHO"."""
        named = [self.of_entity(self.owners[c.i], c) for c in token.children if c.i in self.owners]
        named = [a for a in [self._member_of(token), *named] if a is not None and a.id.startswith("org:")]
        return named[0] if named else None

    def _apposed_name(self, token: Token) -> str | None:
        """The name an apposition gives a company, outlet or charity noun ("the carmaker, Renault,"), if any."""
        if token.tag_ != "NN":
            return None  # "two journalists, Jane Doe and ...": a plural names people, not a company
        for child in (c for c in token.children if c.dep_ == "appos" and c.i in self.owners):
            record = self.resolution.entities.get(self.owners[child.i])
            person = record is not None and record.type is EntityType.PERSON and " " in record.name
            if record is not None and not record.id.startswith(("country:", "bloc:")) and not person:
                return record.name  # not "two journalists, Jane Doe and ...": people named in full are people
        return None

    def _apposed_names(self, token: Token) -> list[Actor]:
        """The companies or outlets a plural noun lists by name ("carmakers Toyota and Honda"), each in its trade."""
        trade = described_kind([token.lemma_.lower()])
        if token.tag_ != "NNS" or trade is None:
            return []
        names = [w for c in token.children if c.dep_ == "appos" for w in (c, *c.conjuncts) if w.i in self.owners]
        records = [self.resolution.entities.get(self.owners[w.i]) for w in names]
        if not records or any(r is None or r.type is not EntityType.ORG for r in records):
            return []
        return unique([Actor(r.id, r.name, trade) for r in records if r is not None])

    def _named_members(self, token: Token) -> Actor | None:
        """ "suspected Islamic State members": the organisation named before a quantity noun."""
        for child in token.children:
            named = self.of_entity(self.owners[child.i], child) if child.i in self.owners else None
            if child.dep_ in ("compound", "amod") and named is not None and named.id.startswith("org:"):
                return named
        sector = modifier_sector(token)  # "gang members", "opposition members"
        return self._agent(token, sector) if sector is not None else None

    def pair_of(self, token: Token) -> list[Actor]:
        """ "the two leaders", "the two countries": the last two states or bodies the text made take part."""
        two = any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "both") for c in token.children)
        # "the two discussed security", "both agreed": the number standing alone for the pair
        bare = token.lower_ in ("two", "both") and token.pos_ in ("NUM", "DET", "PRON") and token.dep_ == "nsubj"
        bare = bare and (token.lower_ == "both" or any(c.lower_ == "the" for c in token.children))
        if not bare and (not two or token.lemma_.lower() not in PAIRED_NOUNS):
            return []
        start = self.previous_sentence_start(token)
        own = {a.id for i, a, acted in self.recent if i == token.head.i and acted}  # "X accused both countries"
        named = [(i, a, acted) for i, a, acted in self.recent if start <= i < token.i and a.id not in own]
        named = [(i, a, acted) for i, a, acted in named if a.id.startswith(PAIR_PREFIXES)]
        for index in sorted({i for i, _, _ in named}, reverse=True):  # a pair taking part together first
            together = unique([a for i, a, acted in named if i == index and acted])
            together = together if len(together) >= 2 else unique([a for i, a, _ in named if i == index])
            if len(together) >= 2:
                return together[:2]
        found = unique([a for _, a, _ in reversed(named)])
        return found[:2] if len(found) >= 2 else named_pair(self, token, start, own)  # "its border with Togo"

    # -- generic agents ---------------------------------------------------------------------
    def _member_of(self, token: Token, sector: Sector | None = None) -> Actor | None:
        """ "fighters of the Arakan Army", "hideouts of the SDF": a named organisation they belong to.

        "at" names where people work only when the body is of their kind ("prosecutors at the ICC").
        """
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "at"):
                continue
            for obj in prep.children:
                # "fighters of the Kurdish YPG militia": the name may modify a noun of its kind
                names = [obj, *(c for c in obj.children if c.dep_ == "compound" and obj.i not in self.owners)]
                owned = [w for w in names if w.i in self.owners]
                named = self.of_entity(self.owners[owned[0].i], owned[0]) if owned else None
                if obj.dep_ == "pobj" and named is not None and named.id.startswith("org:"):
                    if prep.lower_ != "at" or (sector is not None and named.sector == sector):
                        return named
        return None

    def _agent(self, token: Token, sector: Sector) -> Actor | None:
        member = self._member_of(token, sector)
        tied = [self.of_entity(self.owners[c.i], c) for c in token.children if c.i in self.owners] + [member]
        if splinter(token) and any(n is not None and n.sector == "rebels" for n in tied):  # "FARC dissidents"
            return Actor("group:rebels", noun_phrase(token), "rebels")
        if member is not None and member.sector not in ("igo", "business", "media"):
            kind = sector if member.sector is None or member.sector in STATE_SECTORS else member.sector
            return Actor(member.id, member.name, kind)  # "fighters of the ADF" are rebels, whatever "Forces" says
        modifiers = [*token.children, *(g for c in token.children if c.dep_ == "compound" for g in c.children)]
        for child in modifiers:  # "Boko Haram fighters", "ASEAN foreign ministers", "the U.N. human rights office"
            if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i in self.owners:
                named = self.of_entity(self.owners[child.i], child)
                governs = sector == "government" and token.lemma_.lower() in RULING_NOUNS  # not "Hamas officials"
                home = known_group(named.name) if named is not None and governs else None
                if home is not None and home[0] is not None:  # "the Taliban government" governs its country
                    return Actor(f"country:{home[0]}", self.country_name(f"country:{home[0]}"), sector)
                if named is not None and named.id.startswith("org:") and people_of_no_group(child, named.name, sector):
                    return Actor(f"group:{sector}", noun_phrase(token), sector)  # "Druze militias", "Fulani gunmen"
                if named is not None and named.id.startswith("org:"):
                    return Actor(named.id, named.name, named.sector or sector)
            referring = child.lower_ in REFERRING_GROUPS and any(d.lower_ == "the" for d in child.children)
            if child.dep_ == "poss" and (child.pos_ == "PRON" or referring):  # "its fighters", "the group's fighters"
                owner = self._pronoun(child) if child.pos_ == "PRON" else self._last_named_group(child)
                if owner is not None and owner.id.startswith("org:"):
                    return Actor(owner.id, owner.name, owner.sector or sector)
        if sector in ("rebels", "criminals", "opposition"):
            for child in token.children:  # "M23 rebels", "ELN guerrillas": a group the model did not tag
                mistyped = not self.owners.get(child.i, "").startswith(("country:", "org:", "person:", "bloc:"))
                untagged = mistyped and (child.pos_ == "PROPN" or child.is_upper)  # "M23" taken for a place
                untagged = untagged and not people_word(child, self.owners)  # "Tuareg rebels": a people's, no name
                descriptive = agent_sector(child.lower_) is not None  # "jihadist fighters" are not a name
                if child.dep_ in ("compound", "nummod") and untagged and not descriptive:
                    first = min(c.left_edge.i for c in token.children if c.dep_ == "compound" or c.i == child.i)
                    name = self.doc[first : token.i].text  # "al-Shabaab", "ELN"
                    return Actor(f"org:{slugify(name)}", name, sector)
        the = [c for c in token.children if c.dep_ == "det" and c.lower_ == "the"]
        if sector in ("rebels", "criminals") and the and len(the) == len(list(token.children)):
            named = self._last_named_group(token, sector)  # "talks with the ELN ... the rebels had killed"
            if named is not None:
                return named
        ship_crew = token.lower_ in ("crew", "crews") and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
        )
        if ship_crew and not any(c.dep_ == "amod" and c.i in self.owners for c in token.children):
            return Actor(f"group:{sector}", noun_phrase(token), sector)  # "its four crew": the ship's, not a state's
        country = self._represented(token) or self._nationality(token, locative=sector in STATE_SECTORS)
        if country is None and sector in STATE_SECTORS:  # "the army said", "they killed two soldiers"
            country = self._context_country(token)
            if country is None:
                return None  # a state's forces with no state named: nothing to code
        if country is not None:
            return Actor(country.id, country.name, sector)
        return Actor(f"group:{sector}", noun_phrase(token), sector)

    def _represented(self, token: Token) -> Actor | None:
        """ "the Swiss envoy, who represents American interests": the envoy acts for the represented."""
        for clause in token.children:
            if clause.dep_ == "relcl" and clause.lemma_.lower() == "represent":
                for obj in clause.children:
                    if obj.dep_ == "dobj":
                        found = self._nationality(obj, locative=False)
                        if found is not None:
                            return found
        return None

    def _proxy(self, token: Token) -> Actor | None:
        member = self._member_of(token)
        if member is not None and member.sector not in ("igo", "government"):
            return member
        for child in token.children:  # "a Hezbollah weapons depot", "the U.N. human rights office"
            if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i in self.owners:
                named = self.of_entity(self.owners[child.i], child)
                if named is not None and named.id.startswith("org:"):
                    return named
        modifier: Sector | None = None
        for child in token.children:
            vehicle = child.lower_ == "fighter"  # "fighter jets" are aircraft, not rebels
            if child.dep_ in ("amod", "compound", "nmod") and child.i not in self.owners and not vehicle:
                modifier = modifier or agent_sector(child.lower_) or agent_sector(child.lemma_.lower())
                modifier = modifier or ("civilians" if child.lower_ in ("displacement", "idp") else None)  # their camp
        worded = modifier is None and " " in (phrase := noun_phrase(token))
        modifier = agent_sector(phrase) if worded else modifier  # "coast guard vessels" are the coast guard's
        if modifier is not None and modifier not in STATE_SECTORS:  # "militant positions in Iraq" are the militants'
            country = self._nationality(token, locative=False)
            if country is not None or not worded:  # "a British-flagged oil tanker" is Britain's
                return (
                    Actor(country.id, country.name, modifier)
                    if country
                    else Actor(f"group:{modifier}", token.text, modifier)
                )
        country = self._nationality(token, locative=True)  # "targets in Syria" are Syria's
        if country is None and modifier in STATE_SECTORS:  # "Haitian gangs attacked a police station"
            country = self._context_country(token)
        if country is None:
            return None  # "military sites" of no state named: the place that follows may name it
        sector = PROXY_SECTORS.get(token.lower_) or PROXY_SECTORS.get(token.lemma_.lower())  # "embassies"
        return Actor(country.id, country.name, modifier or sector or country.sector)
