"""Named entities as coded actors, and the places and countries noun phrases belong to.

A country or bloc is itself; a person or a state body with a stated (or
known) country becomes that country, with the sector of the role
("Defence Minister Sergei Shoigu" → Russia, government); bodies of an
organisation act for it; IGOs and known armed groups keep their own id.
A noun belongs to the country its nationality word, possessor or "of/from
X" names; pronouns take the actor the text last made act.
"""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from consumers.nlp.affiliation import body_country
from consumers.nlp.events.named_groups import a_group, group_name
from consumers.nlp.events.offices import person_country, person_igo
from consumers.nlp.events.officials import (
    led_group,
    mistaken_place,
    private_person,
    state_body,
    titled_apposition,
    titled_name,
)
from consumers.nlp.events.seats import seat_of
from consumers.nlp.events.sectors import (
    IGO_IDS,
    IGO_NAMES,
    OWN_NAME_SECTORS,
    STATE_SECTORS,
    described_kind,
    igo_body,
    is_titled,
    known_group,
    left_words,
    names_an_igo,
    org_sector,
    title_sector,
)
from consumers.nlp.events.unnamed import PROTESTING_VERBS
from consumers.nlp.gazetteer import Gazetteer
from consumers.nlp.resolve import Resolution, sides, slugify
from schemas import EntityType, Sector

GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "itself", "themselves"}
PLACE_NOUNS = {"region", "province", "state", "district", "city", "town", "capital", "territory", "part", "north",
               "south", "east", "west", "county", "area", "border", "coast"}  # fmt: skip


def _plural(token: Token) -> bool:
    """A plural noun, also "Georgians" that the tagger took for one proper noun."""
    return token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NNP" and token.lower_.endswith("s"))


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: ``id`` is a country, bloc, organisation, person or ``group:<sector>``."""

    id: str
    name: str
    sector: Sector | None = None
    person: str | None = None  # the named person acting for a country, if any

    def same_party(self, other: "Actor") -> bool:
        """One party twice: the same id, unless two known sectors differ ("Turkish police" and a Turkish journalist)."""
        return self.id == other.id and (self.sector == other.sector or None in (self.sector, other.sector))


@dataclass(slots=True)
class EntityReader:
    """Reads the entities and places of one parsed text as actors; remembers who acted."""

    doc: Doc
    owners: dict[int, str]
    resolution: Resolution
    gazetteer: Gazetteer
    published: str | None = None
    recent: list[tuple[int, Actor, bool]] = field(default_factory=list)  # token, actor, acted (not acted upon)
    voiced: dict[int, Actor] = field(default_factory=dict)  # token -> the speaker whose words it is in

    def country_name(self, entity_id: str) -> str:
        """Display name of a ``country:ISO3`` id."""
        return self.gazetteer.country(entity_id.removeprefix("country:")).name

    def remember(self, token: Token, actor: Actor, *, acted: bool = True) -> None:
        """Note that ``actor`` took part at ``token``: later pronouns and "the army" may refer to it."""
        self.recent.append((token.i, actor, acted))

    def of_entity(self, entity_id: str, token: Token | None = None) -> Actor | None:
        """A resolved entity as a coded actor."""
        record = self.resolution.entities.get(entity_id)
        if record is None:
            return None
        if entity_id.startswith("country:") and token is not None and _plural(token):
            place = self.gazetteer.lookup(token.text, "NORP", fuzzy=False)
            if place is not None and place.kind == "demonym":  # "thousands of Israelis": people, not the state
                return Actor(entity_id, record.name, "civilians")
        if entity_id.startswith(("country:", "bloc:")):
            return Actor(entity_id, record.name, None)
        seat = seat_of(record.name, self.gazetteer) if record.type is not EntityType.NORP else None
        if seat is not None:  # "the Elysee", "Zhongnanhai", "the State Department": the state, whatever the tag
            return Actor(*seat)
        body = igo_body(record.name) if entity_id not in IGO_IDS else None
        if body is not None and record.type is EntityType.ORG:
            return Actor(body, IGO_NAMES[body], "igo")  # "the European Commission" acts for the EU
        led = led_group(self, entity_id, token) if record.type in (EntityType.PERSON, EntityType.ORG) else None
        if led is not None:  # "Hamas leader Khaled Meshaal" acts for Hamas, whatever a table says of him
            return led
        group = known_group(record.name) if entity_id not in IGO_IDS else None
        if group is None and record.type is EntityType.PERSON and token is not None and a_group(token):
            group = (None, "rebels")  # "the Houthis": people are not named with an article
        if record.type is EntityType.PERSON and group is not None and group[1] in STATE_SECTORS:
            group = None if self._country_of(entity_id) else group  # "Jordan's King Abdullah": the text wins
        if record.type is EntityType.PERSON and group is None:
            return self._person(entity_id, token)
        if record.type in (EntityType.ORG, EntityType.PERSON) or (record.type is EntityType.NORP and group):
            if entity_id in IGO_IDS:
                return Actor(entity_id, record.name, "igo")
            official = person_country(record.name, self.published)
            if official is not None:  # an official the model took for an organisation ("Lavrov")
                return Actor(official, self.country_name(official), "government")
            if group is not None and group[0] is not None and group[1] in STATE_SECTORS:
                named = self._nationality(token, locative=False) if token is not None else None  # "the Czech Senate"
                country_id = named.id if named is not None else f"country:{group[0]}"  # "the Revolutionary Guards"
                return Actor(country_id, self.country_name(country_id), group[1])
            if group is not None:  # "the Houthis", "Hamas": a named group, whatever the model thought
                return Actor(f"org:{slugify(group_name(record.name))}", record.name, group[1])
            country = self._country_of(entity_id)
            kind = org_sector(record.name) or described_kind(left_words(token))  # "Dutch brewer Heineken"
            if country is not None and kind in OWN_NAME_SECTORS and record.type is EntityType.ORG:
                return Actor(entity_id, record.name, kind)  # a company, outlet or charity acts under its own name
            if country is not None:
                return Actor(country, self.country_name(country), kind or "government")
            named_body = state_body(record.name, self.gazetteer)  # "U.S. Treasury", "Indian Navy"
            return Actor(*named_body) if named_body is not None else Actor(entity_id, record.name, kind)
        if record.type is EntityType.NORP and not entity_id.startswith("norp:"):
            return Actor(entity_id, record.name, None)
        if entity_id.startswith("gpe:") and mistaken_place(token):  # "Erdogan condemned": a name, not a place
            return self._person(entity_id, token, named_only=True)
        return None

    def _person(self, entity_id: str, token: Token | None, *, named_only: bool = False) -> Actor | None:
        """A named person: the IGO or country they act for, from the text first, else the tables."""
        record = self.resolution.entities[entity_id]
        tied = sides(self.resolution, entity_id)[1:]  # "Tedros, head of the WHO" acts for the WHO
        igo = next((side for side in tied if side in IGO_IDS or names_an_igo(self._name(side))), None)
        words = left_words(token)
        apposed = titled_apposition(token) if token is not None else None
        stated = self._nationality(apposed[0], locative=False) if apposed is not None else None
        stated_country = self._country_of(entity_id) or (stated.id if stated is not None else None)
        igo = igo or self._titled_igo(token) or (None if stated_country else person_igo(record.name, self.published))
        if igo is not None:  # "EU foreign policy chief X" acts for the EU; "Guterres" (tables) the UN
            named = self.resolution.entities.get(igo)
            return Actor(igo, named.name if named else IGO_NAMES.get(igo, igo), "igo", person=entity_id)
        country = (  # a country the text states ("Estonian Prime Minister X") outranks the tables' later office
            stated_country
            or self._body_country(entity_id)
            or person_country(record.name, self.published)
            or person_country(titled_name(record.name, token), self.published)  # "Pope Francis"
            or (self._titled_country(token) if token is not None and is_titled(words) else None)
        )
        sector = title_sector(words) or (apposed[1] if apposed is not None else "government")
        if country is None:  # "French aid worker X": a private person, their country's civilian
            described = private_person(self, entity_id, token)
            if described is not None and named_only:
                described = Actor(described.id, described.name, described.sector)
            return described or (None if named_only else Actor(entity_id, record.name, None))
        return Actor(country, self.country_name(country), sector, person=None if named_only else entity_id)

    def _name(self, entity_id: str) -> str:
        record = self.resolution.entities.get(entity_id)
        return record.name if record is not None else ""

    def _body_country(self, entity_id: str) -> str | None:
        """ "Indian External Affairs Minister X": the country of the state body the person was tied to."""
        for side in sides(self.resolution, entity_id)[1:]:
            if side.startswith("org:") and (
                country := body_country(self.resolution.entities[side].name, self.gazetteer)
            ):
                return country
        return None

    def _titled_igo(self, token: Token | None) -> str | None:
        """ "U.N. Secretary-General Antonio Guterres": an organisation named in the title, before any table."""
        if token is None:
            return None
        for word in token.subtree:  # "U.N. Secretary-General", "NATO chief"
            entity_id = self.owners.get(word.i)
            name = self.resolution.entities[entity_id].name if entity_id is not None else ""
            if word.dep_ == "compound" and word.i < token.i and (entity_id in IGO_IDS or names_an_igo(name)):
                return entity_id  # "IMF Managing Director Kristalina Georgieva" too
        return None

    def _titled_country(self, token: Token) -> str | None:
        """ "President Javier Milei" in a story about Argentina: the country the text named just before."""
        actor = self._context_country(token)
        return actor.id if actor is not None else None

    def _country_of(self, entity_id: str) -> str | None:
        for side in sides(self.resolution, entity_id)[1:]:
            if side.startswith("country:"):
                return side
        return None

    def _nationality(self, token: Token, *, locative: bool) -> Actor | None:
        """The country a noun belongs to: "Turkish jets", "Iraq's army", "troops from Chad", "police in X"."""
        found = self._nationalities(token, locative=locative)
        return found[0] if found else None

    def _nationalities(self, token: Token, *, locative: bool) -> list[Actor]:
        """Every country a noun belongs to ("Japanese and Philippine officials" belong to two).

        A nationality word comes before a possessive pronoun: "his Ghanaian
        counterpart" is Ghana's, "its troops" are the pronoun's.
        """
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        owned = [c for c in modifiers if c.dep_ in ("compound", "poss")]  # "Azerbaijan's prosecutor-general's office"
        modifiers += [g for c in owned for g in c.children if g.dep_ in ("amod", "poss", "compound")]
        modifiers += [
            g for c in modifiers if c.dep_ == "amod" for g in c.children if g.dep_ == "npadvmod"
        ]  # Greek-flagged
        for child in (*[c for c in modifiers if c.pos_ != "PRON"], *[c for c in modifiers if c.pos_ == "PRON"]):
            countries = [actor for word in (child, *child.conjuncts) if (actor := self._country_word(word)) is not None]
            if countries:
                return countries
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "from", *(("in",) if locative else ())):
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.i in self.owners:
                    places = [self.place(o) for o in (obj, *obj.conjuncts) if o.i in self.owners]
                    countries = [Actor(a.id, a.name, None) for a in places if a and a.id.startswith("country:")]
                    if countries:
                        return countries
                elif child.lower_ != "in" or obj.lower_ in PLACE_NOUNS:  # "a refinery in Russia's Ryazan region"
                    nested = self._nationalities(obj, locative=obj.lemma_.lower() in PLACE_NOUNS)  # "a town in X"
                    if nested:
                        return nested
        return []

    def country_of_place(self, token: Token) -> Actor | None:
        """ "the Armenian town of Jermuk", "Ukraine's Kharkiv region": the country a place noun lies in."""
        if token.lemma_.lower() not in PLACE_NOUNS or token.i in self.owners:
            return None
        return self._nationality(token, locative=True)

    def place(self, word: Token) -> Actor | None:
        """A place named after "in": a country, or a capital or city of one ("a court in Tunis", "in Karachi")."""
        entity_id = self.owners[word.i]
        record = self.resolution.entities.get(entity_id)
        if entity_id.startswith("gpe:") and record is not None and self.gazetteer.is_city(record.name):
            capital = self.gazetteer.lookup(record.name, "GPE")
            if capital is not None and capital.id.startswith("country:"):
                return Actor(capital.id, capital.name, None)
        return self.of_entity(entity_id, word)

    def _country_word(self, word: Token) -> Actor | None:
        """The country (or bloc) a modifier names, a possessive pronoun included."""
        if word.i in self.owners:
            actor = self.of_entity(self.owners[word.i], word)
        elif word.lower_ in ("its", "their"):
            actor = self._pronoun(word)
        elif word.lower_ == "country" and word.dep_ == "poss":  # "the country's top court"
            actor = self._context_country(word)
        else:
            return None
        if actor is not None and actor.id.startswith(("country:", "bloc:")):
            return Actor(actor.id, actor.name, None)
        return None

    # -- reference --------------------------------------------------------------------------
    def _pronoun(self, token: Token) -> Actor | None:
        if token.lower_ not in GROUP_PRONOUNS:
            return None
        if token.i in self.voiced:
            return self.voiced[token.i]
        sentence_start = token.sent.start
        previous = self.previous_sentence_start(token)
        own = _own_clauses(token)  # "Police used tear gas to disperse them": not the police
        # whoever acted last ("They killed two soldiers"), else whoever was acted upon
        for wanted in (True, False):
            for index, actor, acted in reversed(self.recent):
                if acted != wanted or not previous <= index < token.i or actor.id.startswith("person:"):
                    continue
                if acted and index in own:
                    continue
                if index >= sentence_start or actor.id.startswith(("country:", "org:", "bloc:", "group:")):
                    return actor
        return None

    def _last_named_group(self, token: Token, sector: Sector | None = None) -> Actor | None:
        """The organisation (of ``sector``, where given) last taking part in this or the previous sentence."""
        previous = self.previous_sentence_start(token)
        for index, actor, _ in reversed(self.recent):
            if previous <= index < token.i and actor.id.startswith("org:") and sector in (None, actor.sector):
                return actor
        return None

    def last_protesters(self, token: Token) -> Actor | None:
        """The protesters last taking part in this or the previous sentence ("... broke up the crowd")."""
        previous = self.previous_sentence_start(token)
        for index, actor, acted in reversed(self.recent):
            marched = acted and self.doc[index].lemma_.lower() in PROTESTING_VERBS  # "Thousands of Serbs marched"
            if previous <= index < token.i and (actor.sector == "protesters" or marched):
                if actor.sector == "protesters" or actor.id.startswith(("org:", "person:")):
                    return actor
                kind = "group:protesters" if actor.id.startswith("group:") else actor.id
                return Actor(kind, actor.name, "protesters", actor.person)
        return None

    def _context_country(self, token: Token) -> Actor | None:
        """ "The army said ...": the country or capital ("Protesters in Nairobi") last named, up to 2 sentences back."""
        start, city = self.previous_sentence_start(token, back=2), None
        for index in range(token.i - 1, start - 1, -1):
            if city is not None and index < city[0]:
                break  # an earlier sentence's city is where its act was: "China's ships circled Kinmen. The force..."
            owner = self.owners.get(index, "")
            actor = self.of_entity(owner) if owner.startswith("country:") else None
            actor = actor or (self.place(self.doc[index]) if owner.startswith("gpe:") else None)
            if actor is not None and actor.id.startswith("country:"):
                here = city is not None or not owner.startswith("gpe:") or index >= token.sent.start
                if here or self.gazetteer.is_capital(self.doc[index].text):  # in the noun's own sentence, the nearest
                    return Actor(actor.id, actor.name, None)
                city = (self.doc[index].sent.start, Actor(actor.id, actor.name, None))
        if city is not None:
            return city[1]
        for word in token.sent[token.i - token.sent.start + 1 :]:  # "riot police ... in Kathmandu"
            # only where the act takes place ("in Brazil's courts"), not whom it is done to ("met Indian X")
            located = word.head.lower_ == "in" or (word.dep_ == "poss" and word.head.head.lower_ == "in")
            located = located or (word.head.head.lower_ == "for" and word.head.head.head == token)  # "a spokesman for"
            place = self.place(word) if word.i in self.owners and located else None
            if place is not None and place.id.startswith("country:"):
                return Actor(place.id, place.name, None)
        return None

    def previous_sentence_start(self, token: Token, back: int = 1) -> int:
        start = token.sent.start
        for _ in range(back):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return start


def _own_clauses(pronoun: Token) -> set[int]:
    """The verbs whose doer an object pronoun cannot be: its own, up through those it inherits a subject from."""
    if pronoun.dep_ not in ("dobj", "pobj", "dative") or pronoun.lower_ in ("it", "its"):
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    found = {verb.i}
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i and len(found) < 4:
        verb = verb.head
        found.add(verb.i)
    return found
