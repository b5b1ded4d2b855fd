"""Derive the shipped event tables from the PETRARCH2 dictionaries and PLOVER's CAMEO conversion table.

Run ``python -m consumers.nlp.training.event_tables [--data DIR] [--out DIR]``.
The dictionaries (by default ``shared/data/event_dictionaries`` beside the
repository) are read only here: the product reads the small JSON tables this
writes to ``consumers/nlp/data/events`` (see ``consumers.nlp.event_tables``)
and never the dictionaries, which are not copied into the repository. Nothing
is sampled and every table is written with sorted keys, so the same
dictionaries always give byte-identical files; the unit test regenerates them
and compares.

- ``verbs.json``: the CAMEO verb dictionary's verbs with the PLOVER event of
  their CAMEO code, and the verb + object patterns whose event differs from the
  verb's own ("hold talks" is CONSULT although "hold" alone is no event).
- ``agents.json``: common nouns for actors ("police", "warplanes") and the
  sector each stands for.
- ``actors.json.gz``: named people with country, sector and term dates, and
  named groups (IGOs, NGOs, companies, armed groups, national institutions).
"""

import argparse
import gzip
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "event_dictionaries"
DEFAULT_OUT = REPO / "consumers" / "nlp" / "data" / "events"

VERB_FILE = "CAMEO.2.0.txt"
PLOVER_FILE = "CAMEO2PLOVER-2021.txt"
AGENT_FILE = "Phoenix.agents.txt"
COUNTRY_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
ARMED_GROUP_FILE = "Phoenix.MilNonState.actors.txt"
SOURCE_FILES = (VERB_FILE, PLOVER_FILE, AGENT_FILE, COUNTRY_FILE, INTERNATIONAL_FILE, ARMED_GROUP_FILE)
# The people and groups table is 2.5 MB as text, more than the rest together: it ships gzipped (0.4 MB),
# the other two stay plain so their diffs can be read.
VERBS_TABLE = "verbs.json"
AGENTS_TABLE = "agents.json"
ACTORS_TABLE = "actors.json.gz"

# CAMEO role codes -> the sector names ``schemas.events.Sector`` uses. Roles with no sector there (religions,
# ethnic groups, environment, ...) are left out on purpose: an actor coded only that way gets no sector.
ROLE_SECTORS = {
    "GOV": "government", "ELI": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "LEG": "legislature", "SPY": "intelligence", "REB": "rebels", "UAF": "rebels", "OPP": "opposition",
    "PTY": "opposition", "CVL": "civilians", "REF": "civilians", "EDU": "civilians", "LAB": "civilians",
    "AGR": "civilians", "REL": "civilians", "MED": "media", "BUS": "business", "MNC": "business", "IGO": "igo",
    "NGO": "ngo", "HLH": "health", "CRM": "criminals",
}  # fmt: skip
# Codes that open with an international actor type instead of a country. IMG is CAMEO's "international
# militarised group" (al-Qaeda and the like): armed and non-state, so rebels.
INTERNATIONAL_SECTORS = {"IGO": "igo", "NGO": "ngo", "MNC": "business", "IMG": "rebels"}
# PLOVER codes people protesting as their own sector; the agents dictionary files them under opposition.
PROTESTER_NOUNS = ("protester", "protestor", "demonstrator", "rioter", "marcher")

_CODE = re.compile(r"\[([^\]}]*)[\]}]")  # one agent line has "[~ENV}"
_FORMS = re.compile(r"\{([^}]*)\}")
_COMMENT = re.compile(r"[#;]")  # ``;`` is TABARI's older comment mark, still on a few lines


def content(line: str) -> str:
    """A dictionary line without its comment and trailing blanks."""
    return _COMMENT.split(line, maxsplit=1)[0].rstrip()


def phrase(text: str) -> str:
    """A dictionary phrase as plain text: ``_`` joins words, case is dropped, blanks collapse."""
    return " ".join(text.replace("_", " ").lower().split())


def spellings(key: str) -> list[str]:
    """A name as written and, if it has accents, without them ("erdoğan" and "erdogan"): news uses both."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
    return [key] if folded == key else [key, folded]


def read_lines(path: Path) -> list[str]:
    """The file's lines; the dictionaries are UTF-8 (a few names carry accents)."""
    return path.read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------------------------------------------------
# CAMEO -> PLOVER


@dataclass(frozen=True)
class Plover:
    """A PLOVER event type and its mode (or, where the table gives no mode, its first context)."""

    event: str
    mode: str | None


@dataclass(frozen=True)
class PloverTable:
    """PLOVER's CAMEO conversion: rows by CAMEO code, and the event of each two-digit cue category."""

    rows: Mapping[str, Plover]
    categories: Mapping[str, str]

    def event_of(self, cameo: str) -> Plover | None:
        """The PLOVER event of a CAMEO code, or None for CAMEO's public statements (01x) and unknown codes.

        PLOVER merges CAMEO's appeals (02x) into REQUEST, and CAMEO built 02x and 10x (demands) in
        parallel (021 appeal for material cooperation, 101 demand it), so an appeal takes the mode of the
        matching demand. A code the table lacks (1952, 176) falls back to its three-digit parent, then to
        its cue category with no mode.
        """
        if len(cameo) < 2 or cameo.startswith("01"):
            return None
        code = "10" + cameo[2:] if cameo.startswith("02") else cameo
        for prefix in (code, code[:3]):
            if prefix in self.rows:
                return self.rows[prefix]
        category = self.categories.get(code[:2])
        return Plover(category, None) if category else None


def read_plover(path: Path) -> PloverTable:
    """Rows ``CODE: EVENT, mode, context # comment``; two-digit rows name a cue category's event."""
    rows: dict[str, Plover] = {}
    categories: dict[str, str] = {}
    for line in read_lines(path):
        code, colon, rest = content(line).partition(":")
        code = code.strip()
        if not colon or not code.isdigit():
            continue
        fields = [part.strip() for part in rest.split(",")]
        event = fields[0]
        if not event.isalpha():
            continue
        if len(code) == 2:
            categories.setdefault(code, event)  # "08" heads both CONCEDE and RETREAT rows: the first names it
            continue
        mode = fields[1] if len(fields) > 1 else ""
        context = fields[2].split(";")[0].strip() if len(fields) > 2 else ""
        rows.setdefault(code, Plover(event, mode or context or None))
    return PloverTable(rows, categories)


def primary_code(field_text: str) -> str | None:
    """The CAMEO code a ``[...]`` field gives the verb's subject as the source, digits only.

    ``042:043`` pairs the subject's event (visit) with its mirror for the object (host): the first half
    reads left to right. A field with only the second half (``[:173]``, "face trial") makes the object the
    source, which a table keyed by verb cannot say, so it gives no code; ``---`` is PETRARCH's null code.
    """
    first = field_text.strip().split(":", 1)[0]
    digits = "".join(ch for ch in first if ch.isdigit())
    return digits or None


# ---------------------------------------------------------------------------------------------------------
# Verbs and patterns

_PATTERN_TOKEN = re.compile(r"[{}()*]|[^\s{}()*]+")
_MARKERS = "$+%^"  # source, target, compound and skip markers: positions, not words
_FUNCTION = frozenset({"a", "an", "the", "and", "or"})  # no argument of the verb is one of these
# Plurals that mean something else than many of the singular: "talks" are negotiations, "arms" weapons.
_KEEP_PLURAL = frozenset({"talks", "arms"})

Words = tuple[str, ...]


@dataclass
class _Block:
    """One ``--- NAME [code] ---`` block: synonymous verbs sharing its patterns."""

    default: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)
    # pattern text, CAMEO code, and the words of its comment (which name the verb it was written for)
    patterns: list[tuple[str, str | None, frozenset[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class _Pattern:
    """A parsed pattern: alternatives for the first preposition, then one slot per content word or phrase."""

    preps: tuple[str | None, ...]
    slots: tuple[tuple[Words, ...], ...]


def _words(text: str) -> Words:
    return tuple(word for word in phrase(text).split() if word)


def read_verb_dictionary(path: Path) -> tuple[dict[str, tuple[Words, ...]], list[_Block]]:
    """The synonym sets (``&LABEL`` then ``+member`` lines) and the verb blocks, in file order.

    A verb line is ``VERB {irregular forms} [code]``; ``+`` marks the verb of a multi-word entry
    (``+CARRY_OUT``). The irregular forms are dropped: the table is keyed by lemma.
    """
    synsets: dict[str, list[Words]] = {}
    blocks: list[_Block] = []
    synset: list[Words] | None = None
    for line in read_lines(path):
        text = content(line).strip()
        if not text or text.startswith("~"):  # transformations recode verb-on-verb phrases: not a lexicon
            continue
        if text.startswith("&"):
            synset = synsets.setdefault(text.split()[0][1:].rstrip("_"), [])
        elif text.startswith("---"):
            synset = None
            code = _CODE.search(text)
            blocks.append(_Block(primary_code(code.group(1)) if code else None))
        elif synset is not None:
            if text.startswith("+") and (member := _words(text[1:].rstrip("_"))):
                synset.append(member)
        elif blocks and text.startswith("-"):
            codes = _CODE.findall(text)
            body = _CODE.sub(" ", text)[1:]
            comment = line.split("#", 1)[1] if "#" in line else ""
            names = frozenset(phrase(word) for word in re.split(r"[\s,]+", comment) if word)
            blocks[-1].patterns.append((body, primary_code(codes[-1]) if codes else None, names))
        elif blocks:
            block = blocks[-1]
            code = _CODE.search(text)
            verb = _FORMS.sub(" ", _CODE.sub(" ", text)).split()
            if not verb:
                continue
            lemma = " ".join(_words(verb[0].replace("+", "")))
            # "+ATTACKED_AND_STABBED", "+SHOT_AND": parser workarounds for coordinated verbs, not lemmas.
            if lemma and "and" not in lemma.split():
                block.verbs.append((lemma, primary_code(code.group(1)) if code else block.default))
    return {label: tuple(members) for label, members in synsets.items()}, blocks


def parse_pattern(body: str, synsets: Mapping[str, tuple[Words, ...]]) -> _Pattern | None:
    """The words of a pattern such as ``* TALKS (WITH +)`` or ``&MILITARY * {MOCK ATTACK}``.

    Words before and after the verb (``*``) are pooled: the table says which words must be among the verb's
    arguments. A parenthesised group is a prepositional phrase: its first word is the preposition (the first
    group's is kept as ``prep``), the rest are words. ``A/B`` and ``&SYNSET`` are alternatives. In a braced
    noun phrase the last word is the head (PETRARCH's rule); a synonym set in front of it
    (``{&MILITARY &AIRCRAFT}``) makes no fixed phrase with the head ("navy helicopter", "troops jet"), so
    only the head is kept, which also keeps such patterns from multiplying into thousands. A pattern naming
    an undefined synset is ignored, as PETRARCH ignores it.
    """
    preps: tuple[str | None, ...] = (None,)
    slots: list[tuple[Words, ...]] = []
    braced: list[tuple[tuple[Words, ...], bool]] | None = None
    expect_prep = False
    seen_prep = False
    for piece in _PATTERN_TOKEN.findall(body):
        if piece in ("(", ")"):
            expect_prep = piece == "("
            continue
        if piece == "{":
            braced = []
            continue
        if piece == "}":
            if braced:
                slots.extend(slot for slot, is_set in braced[:-1] if not is_set)
                slots.append(braced[-1][0])
            braced = None
            continue
        word = piece.strip(_MARKERS)
        if not word or word == "*":
            continue
        if expect_prep:
            expect_prep = False
            if not seen_prep:
                seen_prep = True
                preps = tuple(alt.lower() for alt in word.split("/") if alt)
            continue
        if word.startswith("&"):
            members = synsets.get(word[1:].rstrip("_"))
            if members is None:
                return None
            slot, is_set = members, True
        else:
            slot = tuple(
                words for alt in word.split("/") if (words := tuple(w for w in _words(alt) if w not in _FUNCTION))
            )
            is_set = False
            if not slot:
                continue
        if braced is None:
            slots.append(slot)
        else:
            braced.append((slot, is_set))
    return _Pattern(preps, tuple(slots))


def lemma_ish(word: str, vocabulary: frozenset[str]) -> str:
    """A plural as its singular when the dictionary also uses the singular ("attacks" -> "attack").

    Checking the dictionary's own words keeps "series", "news" and "forces" as they are unless their
    singulars appear too: no stemmer's guesses, only forms the dictionary writers used.
    """
    if word in _KEEP_PLURAL or not word.endswith("s") or word.endswith("ss"):
        return word
    for singular in (word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y"):
        if singular and singular in vocabulary:
            return singular
    return word


def build_verbs(synsets: Mapping[str, tuple[Words, ...]], blocks: list[_Block], table: PloverTable) -> dict[str, Any]:
    """``verbs.json``: each verb lemma's PLOVER event and the patterns that change it.

    A verb's code is its own ``[code]``, else its block's. A lemma in several blocks takes its first
    definition that codes an event, and collects the patterns of every block it is in. PETRARCH applies a
    block's patterns to all its verbs, but the dictionary's comments name the verb each pattern was written
    for ("SET * DEADLINE  # SET" is no pattern of STATION): a pattern goes to the verbs its comment names
    when they are in the block, else to all of them. It is kept when its code maps to a PLOVER event other
    than the verb's own; CAMEO's 01x public statements are not events, so neither verbs nor patterns coded
    01x are.
    """
    verbs: dict[str, dict[str, Any]] = {}
    for block in blocks:
        for lemma, code in block.verbs:
            plover = table.event_of(code) if code else None
            if plover and lemma not in verbs:
                verbs[lemma] = {"code": code, "event": plover.event, "mode": plover.mode}

    parsed: list[tuple[list[str], _Pattern, str, Plover]] = []
    vocabulary: set[str] = {word for members in synsets.values() for member in members for word in member}
    for block in blocks:
        lemmas = list(dict.fromkeys(lemma for lemma, _ in block.verbs))
        for body, code, names in block.patterns:
            plover = table.event_of(code) if code else None
            pattern = parse_pattern(body, synsets)
            if code and plover and pattern:
                parsed.append(([lemma for lemma in lemmas if lemma in names] or lemmas, pattern, code, plover))
                vocabulary.update(word for slot in pattern.slots for words in slot for word in words)
    known = frozenset(vocabulary)

    patterns: dict[str, dict[tuple[Words, str | None, str], dict[str, Any]]] = {}
    for lemmas, pattern, code, plover in parsed:
        expanded = [
            (prep, tuple(lemma_ish(word, known) for words in combination for word in words))
            for prep in pattern.preps
            for combination in itertools.product(*pattern.slots)
        ]
        for lemma in lemmas:
            default = verbs.get(lemma)
            if default and default["event"] == plover.event:
                continue
            for prep, words in expanded:
                if words or prep:
                    entry = {"words": list(words), "prep": prep, "code": code, "event": plover.event}
                    patterns.setdefault(lemma, {})[(words, prep, code)] = entry | {"mode": plover.mode}
    return {
        "verbs": verbs,
        "patterns": {
            lemma: [found[key] for key in sorted(found, key=lambda k: (k[0], k[1] or "", k[2]))]
            for lemma, found in patterns.items()
        },
    }


# ---------------------------------------------------------------------------------------------------------
# Agents

# Words ending in "man" that are not compounds of "man" and so take a plain "s".
_MAN_NOT_MEN = frozenset({"human", "german", "roman", "shaman", "talisman", "ottoman", "caiman", "cayman"})
_PREPOSITIONS = frozenset({"of", "for", "in", "on", "to", "at", "with", "from", "against", "over", "under"})


def plural_of(text: str) -> str | None:
    """The regular plural of a noun phrase's head, or None where it has none to add.

    PETRARCH adds these at load time (S, IES after a consonant and Y, ES after SS); the shipped table
    spells them out so a lookup needs no inflection. Phrases already ending in ``s`` ("forces", "news")
    are left alone rather than doubled.
    """
    words = text.split()
    if not words:
        return None
    # "minister for communications": the noun before the first preposition is the head
    at = next((i - 1 for i, word in enumerate(words) if i and word in _PREPOSITIONS), len(words) - 1)
    last = words[at]
    if not last[-1].isalpha():
        return None
    if last.endswith("man") and last not in _MAN_NOT_MEN:
        last = last[:-3] + "men"
    elif last.endswith(("ss", "sh", "ch", "x", "z")):
        last += "es"
    elif last.endswith("s"):
        return None
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:at], last, *words[at + 1 :]])


def build_agents(path: Path) -> dict[str, str]:
    """``agents.json``: common noun phrase -> sector, from lines ``PHRASE {plurals} [~CODE]``.

    ``{X}`` gives the plural X, ``{}`` says there is none; otherwise the regular plural is added.
    ``!PERSON!``-style markers expand to each form their ``!NAME! = A, B`` line lists, with no further
    plural. The sector is the role code's first three letters (``~GOVMED`` is government). Where two lines
    give one phrase different sectors the first written one wins, and written phrases beat generated
    plurals. Protesters get PLOVER's own sector.
    """
    macros: dict[str, list[str]] = {}
    written: dict[str, str] = {}
    generated: dict[str, str] = {}
    for line in read_lines(path):
        text = content(line).strip()
        if macro := re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text):
            macros[macro.group(1)] = [item.strip() for item in macro.group(2).split(",") if item.strip()]
            continue
        code = _CODE.search(text)
        if not code:
            continue
        sector = ROLE_SECTORS.get(code.group(1).replace("~", "").strip()[:3])
        if sector is None:
            continue
        before = text[: code.start()]
        forms = _FORMS.search(before)
        bare = _FORMS.sub(" ", before)
        if marker := re.search(r"!(\w+)!", bare):
            for item in macros.get(marker.group(1), []):
                written.setdefault(phrase(bare.replace(marker.group(0), item)), sector)
            continue
        written.setdefault(phrase(bare), sector)
        plurals = [phrase(form) for form in forms.group(1).split()] if forms else [plural_of(phrase(bare)) or ""]
        for plural in plurals:
            if plural:
                generated.setdefault(plural, sector)
    agents = generated | written
    agents.pop("", None)
    for noun in PROTESTER_NOUNS:
        agents[noun] = agents[noun + "s"] = "protesters"
    return agents


# ---------------------------------------------------------------------------------------------------------
# Actors

# Words that make a phrase an institution, place or office rather than a person's name. Office titles
# ("president", "minister") mark synonyms such as PRESIDENT_VLADIMIR_PUTIN: the table keeps full names.
_INSTITUTION_WORDS = frozenset({
    "administration", "agency", "alliance", "army", "assembly", "association", "authority", "bank", "battalion",
    "battalions", "brigade", "brigades", "bureau", "cabinet", "cells", "command", "commission", "committee",
    "community", "company", "congress", "corp", "corporation", "corps", "council", "court", "department",
    "embassy", "faction", "federation", "force", "forces", "foundation", "front", "government", "group",
    "groups", "guard", "guards", "headquarters", "house", "inc", "institute", "league", "legion", "liberation",
    "militia", "ministry", "mission", "movement", "navy", "network", "office", "organisation",
    "organization", "palace", "parliament", "party", "police", "regiment", "republic", "revolutionary",
    "rifles", "secretariat", "senate", "service", "services", "society", "state", "team", "tribunal",
    "union", "united", "university",
    # transliterated Arabic and Urdu words for front, movement, army, brigades, party, council
    "harakat", "harakat-ul", "hizb", "jabhat", "jaish", "jaysh", "jamaat", "jamiat", "kataib", "lashkar",
    "liwa", "majlis", "tanzim", "tehrik",
})  # fmt: skip
_TITLE_WORDS = frozenset({
    "acting", "admiral", "ambassador", "bundeskanzler", "captain", "chairman", "chairwoman", "chancellor",
    "chief", "colonel", "commander", "congressman", "congresswoman", "deputy", "director", "envoy", "former",
    "general", "governor", "kanzler", "leader", "lieutenant", "mayor", "minister", "premier", "president",
    "prime", "secretary", "secretary-general", "senator", "speaker", "spokesman", "spokeswoman", "vice",
    "vice-president",
})  # fmt: skip
_JOINING_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "or", "with", "from", "then"})
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def looks_personal(text: str) -> bool:
    """Whether a phrase of two or more words has only name words: no institution, office or joining word."""
    words = text.split()
    if len(words) < 2:
        return False
    if any(not _NAME_WORD.fullmatch(word) or word in _INSTITUTION_WORDS | _JOINING_WORDS for word in words):
        return False
    return not any(word in _TITLE_WORDS for word in words[:-1])


def is_name(text: str) -> bool:
    """Whether a phrase reads as a person's full name: two to six name words, no institution or office.

    Six, not four: Arabic and Portuguese names often run to five or six words ("omar hassan ahmad al
    bashir", "luiz inacio lula da silva"); longer phrases are mostly royal styles with titles.
    """
    return len(text.split()) <= 6 and looks_personal(text)


Term = dict[str, str | None]  # {"country", "sector", "from", "to"} as actors.json writes it


@dataclass(frozen=True)
class Role:
    """One ``[CODE restriction]`` of an actor record, with ISO dates."""

    code: str
    start: str | None
    end: str | None
    dated: bool


@dataclass
class _Record:
    """A primary phrase, its ``+`` synonyms and its codes (on the same line or on indented lines)."""

    names: list[str]
    roles: list[Role] = field(default_factory=list)
    coded: bool = False


@dataclass
class _DateReport:
    """Restriction bounds that are not dates (``2004017``): read as open instead, and counted."""

    unreadable: list[str] = field(default_factory=list)


def iso_date(digits: str, report: _DateReport) -> str | None:
    """``YYMMDD`` (years 30-99 are 19xx, 00-29 20xx) or ``YYYYMMDD`` as an ISO date."""
    if digits.isdigit() and len(digits) == 6:
        short = int(digits[:2])
        year, rest = (1900 + short if short >= 30 else 2000 + short), digits[2:]
    elif digits.isdigit() and len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    else:
        report.unreadable.append(digits)
        return None
    try:
        return date(year, int(rest[:2]), int(rest[2:])).isoformat()
    except ValueError:
        report.unreadable.append(digits)
        return None


def parse_role(field_text: str, report: _DateReport) -> Role | None:
    """``AFGGOV 331108-730717``, ``RUSGOV >080508`` (from then on), ``HTIOPPMED <061231`` (until) or a code."""
    parts = field_text.split()
    if not parts or not parts[0].isalpha():  # "---": the null code
        return None
    restriction = "".join(parts[1:])
    start = end = None
    if restriction.startswith(">"):
        start = iso_date(restriction[1:], report)
    elif restriction.startswith("<"):
        end = iso_date(restriction[1:], report)
    elif "-" in restriction:
        low, _, high = restriction.partition("-")
        start, end = iso_date(low, report), iso_date(high, report)
    elif restriction:
        start = iso_date(restriction, report)
    return Role(parts[0].upper(), start, end, bool(restriction))


def read_actor_records(path: Path, report: _DateReport) -> Iterator[_Record]:
    """Records in file order: a line at the margin opens one, ``+`` lines add synonyms, indented lines codes.

    A record with no code at all shares the codes of the next one, as PETRARCH reads it (it only starts a
    new code list once the current one has a code): DMITRY_MEDVEDEV_ and its synonyms take the codes
    written under DMITR_MEDVEDEV_. An indented line that also carries a phrase adds it as a synonym.
    """
    record: _Record | None = None
    for line in read_lines(path):
        text = content(line)
        if not text.strip():
            continue
        fields = _CODE.findall(text)
        roles = [role for found in fields if (role := parse_role(found, report))]
        first = _CODE.search(text)
        name = (text[: first.start()] if first else text).strip()  # after the codes: notes ("$137,000,000")
        if text[0].isspace() or text.startswith("+"):
            if record is None:
                continue
            record.roles.extend(roles)
            record.coded = record.coded or bool(fields)
            if name.lstrip("+"):
                record.names.append(name.lstrip("+"))
        elif record is not None and not record.coded:
            record = _Record([*record.names, name], roles, bool(fields))
        else:
            if record is not None:
                yield record
            record = _Record([name], roles, bool(fields))
    if record is not None:
        yield record


def country_codes(records: Iterable[_Record]) -> frozenset[str]:
    """The country codes the country dictionary defines: records coded with a bare three-letter code."""
    return frozenset(role.code for record in records for role in record.roles if re.fullmatch(r"[A-Z]{3}", role.code))


def _role_after(code: str, countries: frozenset[str]) -> str:
    """The role segment after a code's country and any territory (``GBRVGBGOV`` -> ``GOV``)."""
    rest = code[3:]
    while rest[:3] in countries and rest[:3] not in ROLE_SECTORS:
        rest = rest[3:]
    return rest[:3]


def person_role(role: Role, countries: frozenset[str]) -> Term | None:
    """A term as ``{country, sector, from, to}`` when the code is a country and a role with a sector."""
    if role.code[:3] not in countries:
        return None
    sector = ROLE_SECTORS.get(_role_after(role.code, countries))
    if sector is None:
        return None
    return {"country": role.code[:3], "sector": sector, "from": role.start, "to": role.end}


def group_role(role: Role, countries: frozenset[str], *, armed: bool) -> dict[str, str | None] | None:
    """A group's ``{country, sector}``: IGO, NGO, MNC, IMG codes, a bare role (MED), or place + role.

    The country is the code's prefix only when that is a country (``PSEREB``); regions (``MEAREB``) and
    ``INTREB`` leave it empty. In the armed-groups file a code without a role (``WEU``) still means rebels.
    """
    prefix = role.code[:3]
    if prefix in INTERNATIONAL_SECTORS:
        return {"country": None, "sector": INTERNATIONAL_SECTORS[prefix]}
    if prefix in ROLE_SECTORS and prefix not in countries:
        # a bare role (news outlets are [MED]); ELI ranks a person within a country and says nothing alone
        return {"country": None, "sector": ROLE_SECTORS[prefix]} if prefix != "ELI" else None
    sector = ROLE_SECTORS.get(_role_after(role.code, countries))
    if sector is None and armed:
        sector = "rebels"
    if sector is None:
        return None
    return {"country": prefix if prefix in countries else None, "sector": sector}


def _current(roles: list[Role]) -> list[Role]:
    """The roles that still hold: open-ended ones (latest start first), then undated defaults."""
    open_ended = sorted((role for role in roles if role.start and not role.end), key=lambda r: r.start or "")
    return open_ended[::-1] + [role for role in roles if not role.dated]


def group_keys(name: str, places: frozenset[str], common: frozenset[str]) -> list[str]:
    """A group's name without parentheses, plus a parenthesised acronym as its own key.

    ``DEMOCRATIC_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_(DFLP)_`` gives the full name and ``dflp``;
    ``DIRECT_ACTION_(GREECE)_`` only ``direct action``: a place or a translation is no acronym. Two letters
    (``(CA)``) or an everyday word (``(AN)``, ``(CAR)``: in ``common``) would match ordinary text, so such
    an acronym is no key either; acronyms the dictionary lists as synonyms (``+ETA_``) stay.
    """
    text = phrase(name)
    inner = re.findall(r"\(([^()]*)\)", text)
    main = " ".join(re.sub(r"\([^()]*\)", " ", text).split()).strip(" ,")
    keys = [main] if main else []
    initials = "".join(word[0] for word in re.split(r"[\s-]+", main) if word)
    for candidate in inner:
        candidate = candidate.strip()
        letters = candidate.replace(".", "").replace("-", "")
        is_acronym = (
            " " not in candidate
            and 3 <= len(letters) <= 8
            and letters.isalnum()
            and any(ch.isalpha() for ch in letters)
            and candidate not in places
            and candidate not in common
            and (len(letters) <= 5 or _subsequence(letters, initials))
        )
        if is_acronym:
            keys.append(candidate)
    return keys


def _subsequence(letters: str, initials: str) -> bool:
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def merge_terms(terms: list[Term]) -> list[Term]:
    """A person's terms with overlapping or back-to-back spans of one country and sector joined.

    Limits are inclusive, so a span ending 2008-05-07 and one starting 2008-05-08 leave no gap. Terms only
    say which country and sector a name stands for on a date (a dated term that covers it, else the undated
    default), so joining equal ones changes no answer; and where the default agrees with every dated term,
    the default alone gives the same answers. Dated terms come first, by start; the default last.
    """
    merged: list[Term] = []
    defaults = [term for term in terms if term["from"] is None and term["to"] is None]
    dated = sorted(
        (term for term in terms if term not in defaults), key=lambda t: (t["country"], t["sector"], t["from"] or "")
    )
    for term in dated:
        last = merged[-1] if merged else None
        if last and (last["country"], last["sector"]) == (term["country"], term["sector"]) and _touches(last, term):
            ends = [last["to"], term["to"]]
            merged[-1] = last | {"to": None if None in ends else max(end for end in ends if end)}
        else:
            merged.append(dict(term))
    values = {(term["country"], term["sector"]) for term in merged}
    defaults = list({(t["country"], t["sector"]): t for t in defaults}.values())
    if len(defaults) == 1 and values <= {(defaults[0]["country"], defaults[0]["sector"])}:
        return defaults
    return sorted(merged, key=lambda t: (t["from"] or "", t["to"] or "9999")) + defaults


def _touches(earlier: Term, later: Term) -> bool:
    """Whether ``later`` (sorted by start) starts no later than the day after ``earlier`` ends."""
    if earlier["to"] is None or later["from"] is None:
        return True
    return date.fromisoformat(later["from"]) <= date.fromisoformat(earlier["to"]) + timedelta(days=1)


@dataclass
class ActorReport:
    """What ``build_actors`` kept and dropped, for the command's summary."""

    people: int = 0
    groups: int = 0
    conflicting_groups: list[str] = field(default_factory=list)
    dates: _DateReport = field(default_factory=_DateReport)


def build_actors(data: Path, common: frozenset[str]) -> tuple[dict[str, Any], ActorReport]:
    """``actors.json``: people with their terms, and groups with their country and sector.

    A record is a person when its primary phrase (or, for a record with dated terms, a synonym) reads as a
    full name and some code is a country plus a role with a sector; its name-like phrases are the keys and
    its terms are merged with any namesake's. In the country and international files an undated name is
    taken as a person too; in the armed-groups file short undated names are mostly groups ("Boko Haram"), so
    a person there needs a dated term or an elite (ELI) code. Other records are groups if some code that
    still holds gives a sector; their keys are every phrase, with parenthesised acronyms split off. A group
    key that records give different values is dropped: it names none of them reliably. ``common`` holds
    everyday words, which no inferred acronym may be.
    """
    report = ActorReport()
    sources = {
        name: list(read_actor_records(data / name, report.dates))
        for name in (COUNTRY_FILE, INTERNATIONAL_FILE, ARMED_GROUP_FILE)
    }
    countries = country_codes(sources[COUNTRY_FILE])
    places = frozenset(
        phrase(name)
        for record in sources[COUNTRY_FILE]
        if record.roles and all(re.fullmatch(r"[A-Z]{3}", role.code) for role in record.roles)
        for name in record.names
    )
    people: dict[str, list[Term]] = {}
    groups: dict[str, dict[str, str | None]] = {}
    conflicts: set[str] = set()
    for source, records in sources.items():
        armed = source == ARMED_GROUP_FILE
        for record in records:
            names = [phrase(name).strip(" ,") for name in record.names]
            dated = any(role.dated for role in record.roles)
            terms = [term for role in record.roles if (term := person_role(role, countries))]
            elite = any(_role_after(role.code, countries) == "ELI" for role in record.roles)
            keys = [name for name in names if is_name(name)]
            named = is_name(names[0]) or (dated and bool(keys))
            if named and terms and (dated or elite or not armed):
                report.people += 1
                for key in dict.fromkeys(spelling for name in keys for spelling in spellings(name)):
                    merged = people.setdefault(key, [])
                    merged.extend(term for term in terms if term not in merged)
                continue
            if source == COUNTRY_FILE and looks_personal(names[0]):
                continue  # a long name or a person without a sector: the country file's groups are institutions
            value = next(
                (found for role in _current(record.roles) if (found := group_role(role, countries, armed=armed))),
                None,
            )
            if value is None:
                continue
            report.groups += 1
            for name in record.names:
                for key in (spelling for found in group_keys(name, places, common) for spelling in spellings(found)):
                    if len(key) < 2:
                        continue
                    if groups.setdefault(key, value) != value:
                        conflicts.add(key)
    for key in conflicts:
        groups.pop(key, None)
    report.conflicting_groups = sorted(conflicts)
    return {"people": {key: merge_terms(terms) for key, terms in people.items()}, "groups": groups}, report


def everyday_words(
    synsets: Mapping[str, tuple[Words, ...]], blocks: list[_Block], agents: Iterable[str]
) -> frozenset[str]:
    """English words the verb and agent dictionaries use: verbs, pattern and synonym words, agent nouns."""
    words = {word for members in synsets.values() for member in members for word in member}
    for block in blocks:
        words.update(word for lemma, _ in block.verbs for word in lemma.split())
        words.update(word for body, _, _ in block.patterns for word in _words(re.sub(r"[^\w\s'-]", " ", body)))
    words.update(word for noun in agents for word in noun.split())
    return frozenset(words | _FUNCTION | _JOINING_WORDS)


# ---------------------------------------------------------------------------------------------------------
# Output


def render(value: Any, depth: int) -> str:
    """JSON with sorted keys, one entry per line for the first ``depth`` levels of objects (readable diffs)."""
    if depth == 0 or not isinstance(value, dict) or not value:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    items = [f"{json.dumps(key, ensure_ascii=False)}:{render(value[key], depth - 1)}" for key in sorted(value)]
    return "{\n" + ",\n".join(items) + "\n}"


def write_tables(data: Path, out: Path) -> dict[str, Any]:
    """Derive every table from the dictionaries in ``data`` into ``out``; returns counts for the summary."""
    missing = [name for name in SOURCE_FILES if not (data / name).is_file()]
    if missing:
        raise SystemExit(f"event dictionaries not found: {data} lacks {', '.join(missing)}")
    synsets, blocks = read_verb_dictionary(data / VERB_FILE)
    verbs = build_verbs(synsets, blocks, read_plover(data / PLOVER_FILE))
    agents = build_agents(data / AGENT_FILE)
    actors, report = build_actors(data, everyday_words(synsets, blocks, agents))
    out.mkdir(parents=True, exist_ok=True)
    tables = {VERBS_TABLE: (verbs, 2), AGENTS_TABLE: (agents, 1), ACTORS_TABLE: (actors, 2)}
    sizes = {}
    for name, (table, depth) in tables.items():
        raw = (render(table, depth) + "\n").encode("utf-8")
        if name.endswith(".gz"):
            raw = gzip.compress(raw, compresslevel=9, mtime=0)
        (out / name).write_bytes(raw)
        sizes[name] = len(raw)
    return {
        "sizes": sizes,
        "verbs": len(verbs["verbs"]),
        "verbs_with_patterns": len(verbs["patterns"]),
        "patterns": sum(len(found) for found in verbs["patterns"].values()),
        "agents": len(agents),
        "people": len(actors["people"]),
        "person_records": report.people,
        "groups": len(actors["groups"]),
        "group_records": report.groups,
        "conflicting_group_keys": len(report.conflicting_groups),
        "unreadable_dates": sorted(set(report.dates.unreadable)),
    }


def main(argv: list[str] | None = None) -> None:
    """Write the tables and print what they hold."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the PETRARCH2 and PLOVER files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the JSON tables are written to")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        raise SystemExit(f"event dictionaries not found: {args.data} is not a folder")
    summary = write_tables(args.data, args.out)
    sizes = " ".join(f"{name}={size / 1024:.0f}KiB" for name, size in summary.pop("sizes").items())
    print(f"event tables -> {args.out}: {sizes}")
    print(" ".join(f"{key}={value}" for key, value in summary.items()))


if __name__ == "__main__":
    main()
