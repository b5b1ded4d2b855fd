"""Turns a backend's raw entity spans into clean mentions, fixing common small-model slips.

Generic repairs only: a leading "the", possessive "'s"/"’s", quotes and
punctuation are trimmed; titles before a name are cut ("President Joe Biden");
"Western" is extended to "Western world/countries/..."; names ending in an
event word ("... Forum", "... Dialogue", "... Summit") become EVENTs, and
such names the model missed are added; spans made only of title words
("Defense") are dropped.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from consumers.nlp.spans import ParsedText, RawSpan, TakenRanges
from schemas import TextField

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "MISC"}
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "foreign", "defense", "defence", "interior", "finance",
    "general", "gen.", "gen", "lt.", "col.", "colonel", "admiral", "adm.", "commander", "chancellor", "premier",
    "chairman", "chairwoman", "chair", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan",
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sir", "dame", "senator", "sen.", "rep.", "representative",
    "governor", "gov.", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "deputy",
    "state", "counselor", "councillor", "chief", "director", "leader", "speaker", "justice", "judge", "former",
    "acting", "first", "lady", "top", "diplomat", "officer", "official", "minister's", "ministry", "of", "the",
    "opposition", "party", "army", "navy", "military", "head", "presidential", "candidate", "lawmaker", "mp",
}  # fmt: skip
EVENT_HEADS = {"forum", "dialogue", "summit", "conference", "olympics", "games", "cup", "expo", "congress", "talks"}
WESTERN_NOUNS = {"world", "countries", "nations", "powers", "governments", "allies", "states", "democracies"}
_EVENT_WORDS = ("Forum", "Dialogue", "Summit", "Conference")  # one of them ends every _EVENT_NAME match
_EVENT_NAME = re.compile(r"\b((?:[A-Z][\w’'-]*\s){1,4}(?:Forum|Dialogue|Summit|Conference))\b")
_ABBREVIATION = re.compile(r"(?:(?:\b[A-Za-z]\.){2,}|\b(?:Jr|Sr|St)\.)$")
_TRIM = " \t\n\r\xa0\"“”‘’'`,.;:!?()[]{}*-–—"
# An Arabic article before a capitalised name ("al-Shabaab", "al-Qaeda", "el-Sisi") still begins a name.
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z]")
# "Two Danes were detained": a count of a people, which the model can tag as an organisation's name.
_COUNTED_PEOPLE = re.compile(r"(?i:\d+|two|three|four|five|six|seven|eight|nine|ten) ([A-Z][a-z]+s)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cleaned mention in one field: character offsets into that field, and spaCy token range."""

    field: TextField
    start: int
    end: int
    text: str
    label: str
    tok_start: int
    tok_end: int


def clean_spans(parsed: ParsedText, spans: list[RawSpan], field: TextField) -> list[Candidate]:
    """Trim, retype and complete the spans of one text; overlapping spans keep the longest."""
    doc, text = parsed.doc, parsed.text
    found: list[tuple[int, int, str]] = []
    for span in spans:
        if span.label not in KEPT_LABELS:
            continue
        fixed = _trim(text, span.start, span.end, span.label)
        if fixed is not None:
            found.append(fixed)
    # a plain test for the event words spares most texts the regex's scan
    event_names = _EVENT_NAME.finditer(text) if any(word in text for word in _EVENT_WORDS) else ()
    for match in event_names:
        start, end = match.span(1)
        words = match.group(1).split()
        while words and doc.vocab[words[0].lower()].is_stop:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) >= 2:
            found.append((start, end, "EVENT"))
    found = [_counted_people(text, s, e, label) for s, e, label in found]
    found = [(s, e, _retype(text[s:e], label)) for s, e, label in found]
    found = [_extend_western(text, s, e, label) for s, e, label in found]
    return _to_candidates(parsed, _drop_overlaps(found), field)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """Cut articles, possessives, punctuation and (for people) leading titles; None if nothing is left."""
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end]
        for suffix in ("’s", "'s", "’", "'"):
            if piece.endswith(suffix) and len(piece) > len(suffix):
                end -= len(suffix)
                changed = True
                break
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip(_TRIM))
        tail_kept = piece.rstrip(_TRIM)
        if _ABBREVIATION.search(piece):
            tail_kept = piece.rstrip(_TRIM.replace(".", ""))  # keep the dot of "U.S."
        if lead or len(tail_kept) < len(piece):
            start, end = start + lead, start + max(lead, len(tail_kept))
            changed = True
        for article in ("the ", "The ", "THE "):
            if text[start:end].startswith(article) and end - start > len(article):
                start += len(article)
                changed = True
        if label == "PERSON":
            words = text[start:end].split()
            if len(words) > 1 and words[0].lower() in TITLE_WORDS:
                start += text[start:end].find(words[1], len(words[0]))
                changed = True
    words = text[start:end].split()
    named = bool(words) and (words[0][:1].isupper() or _ARTICLE_NAME.match(words[0]) is not None)  # "al-Shabaab"
    if not named or all(word.lower() in TITLE_WORDS for word in words):
        return None
    return start, end, label


def _retype(name: str, label: str) -> str:
    """Names ending in an event word are EVENTs whatever the model said (not people)."""
    last = name.split()[-1].lower() if name.split() else ""
    if label != "PERSON" and last in EVENT_HEADS and len(name.split()) >= 2:
        # "the 20th Party Congress" meets; "the Nepali Congress" and "the African National Congress" are parties
        if last == "congress" and not any(w == "Party" or w[:1].isdigit() for w in name.split()):
            return label
        return "EVENT"
    return label


def _counted_people(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """ "Two Danes" tagged as a name: the people counted ("Danes"), a nationality."""
    match = _COUNTED_PEOPLE.fullmatch(text, start, end) if label == "ORG" else None
    return (match.start(1), end, "NORP") if match else (start, end, label)


def _extend_western(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """Extend "Western" followed by world/countries/... names the bloc as a whole."""
    if text[start:end] != "Western":
        return start, end, label
    match = re.match(r"\s+(\w+)", text[end:])
    if match and match.group(1).lower() in WESTERN_NOUNS:
        return start, end + match.end(), label
    return start, end, label


def _drop_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest span first; shorter spans overlapping a kept one are dropped."""
    kept: list[tuple[int, int, str]] = []
    taken = TakenRanges()
    for start, end, label in sorted(set(found), key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if taken.free(start, end):
            taken.take(start, end)
            kept.append((start, end, label))
    return sorted(kept)


def _to_candidates(parsed: ParsedText, found: list[tuple[int, int, str]], field: TextField) -> list[Candidate]:
    """Attach token ranges (expanded to whole tokens) for the parse-based steps."""
    starts, text = parsed.token_starts, parsed.text
    result: list[Candidate] = []
    for start, end, label in found:
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        if last <= first:
            continue
        result.append(Candidate(field, start, end, text[start:end], label, first, last))
    return result


def propagate(found: dict[TextField, tuple[ParsedText, list[Candidate]]]) -> dict[TextField, list[Candidate]]:
    """Add the repeats of names the model tagged elsewhere in the article but missed here.

    Small models tag "the Western world" in one sentence and not in the next;
    every exact, case-sensitive, whole-word repeat of a tagged name (in title or
    body) becomes a mention with that name's most frequent label.
    """
    labels: dict[str, dict[str, int]] = {}
    lower_text = " ".join(parsed.text for parsed, _ in found.values())
    for _, cands in found.values():
        for cand in cands:
            counts = labels.setdefault(cand.text, {})
            counts[cand.label] = counts.get(cand.label, 0) + 1
            surname = cand.text.split()[-1]
            if cand.label == "PERSON" and " " in cand.text and len(surname) >= 3 and surname.lower() not in lower_text:
                counts = labels.setdefault(surname, {})
                counts["PERSON"] = counts.get("PERSON", 0) + 1
    result: dict[TextField, list[Candidate]] = {}
    names = [name for name in sorted(labels, key=lambda n: (-len(n), n)) if len(name) >= 2 and name[:1].isupper()]
    for field, (parsed, cands) in found.items():
        taken = TakenRanges()
        for cand in cands:
            taken.take(cand.start, cand.end)
        extra: list[tuple[int, int, str]] = []
        text = parsed.text
        for name in names:
            label = max(sorted(labels[name]), key=lambda lab: labels[name][lab])
            for start, end in _whole_word_repeats(text, name):
                if taken.free(start, end):
                    taken.take(start, end)
                    extra.append((start, end, label))
        result[field] = sorted([*cands, *_to_candidates(parsed, sorted(extra), field)], key=lambda c: c.start)
    return result


def _whole_word_repeats(text: str, name: str) -> list[tuple[int, int]]:
    """The non-overlapping whole-word occurrences of ``name``, as ``re.finditer`` of the boundary pattern finds them.

    The pattern opens with a lookbehind, which keeps the regex engine from
    jumping to the name's first letter: it would try every position of the
    text. ``str.find`` jumps there, and the pattern only checks each hit.
    """
    pattern = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w])")
    found: list[tuple[int, int]] = []
    position = text.find(name)
    while position >= 0:
        match = pattern.match(text, position)
        if match is not None:
            found.append(match.span())
        position = text.find(name, match.end() if match is not None else position + 1)
    return found
