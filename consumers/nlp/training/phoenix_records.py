"""Phoenix actor records: names, roles with their dates, and which names are people."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from consumers.nlp.training.dictionary_text import CODE, content, read_lines

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


JOINING_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "or", "with", "from", "then"})


_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def looks_personal(text: str) -> bool:
    """Whether a phrase of two or more words has only name words: no institution, office or joining word."""
    words = text.split()
    if len(words) < 2:
        return False
    if any(not _NAME_WORD.fullmatch(word) or word in _INSTITUTION_WORDS | JOINING_WORDS for word in words):
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
class Record:
    """A primary phrase, its ``+`` synonyms and its codes (on the same line or on indented lines)."""

    names: list[str]
    roles: list[Role] = field(default_factory=list)
    coded: bool = False


@dataclass
class DateReport:
    """Restriction bounds that are not dates (``2004017``): read as open instead, and counted."""

    unreadable: list[str] = field(default_factory=list)


def iso_date(digits: str, report: DateReport) -> str | None:
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


def parse_role(field_text: str, report: DateReport) -> Role | None:
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


def read_actor_records(path: Path, report: DateReport) -> Iterator[Record]:
    """Records in file order: a line at the margin opens one, ``+`` lines add synonyms, indented lines codes.

    A record with no code at all shares the codes of the next one, as PETRARCH reads it (it only starts a
    new code list once the current one has a code): DMITRY_MEDVEDEV_ and its synonyms take the codes
    written under DMITR_MEDVEDEV_. An indented line that also carries a phrase adds it as a synonym.
    """
    record: Record | None = None
    for line in read_lines(path):
        text = content(line)
        if not text.strip():
            continue
        fields = CODE.findall(text)
        roles = [role for found in fields if (role := parse_role(found, report))]
        first = CODE.search(text)
        name = (text[: first.start()] if first else text).strip()  # after the codes: notes ("$137,000,000")
        if text[0].isspace() or text.startswith("+"):
            if record is None:
                continue
            record.roles.extend(roles)
            record.coded = record.coded or bool(fields)
            if name.lstrip("+"):
                record.names.append(name.lstrip("+"))
        elif record is not None and not record.coded:
            record = Record([*record.names, name], roles, bool(fields))
        else:
            if record is not None:
                yield record
            record = Record([name], roles, bool(fields))
    if record is not None:
        yield record
