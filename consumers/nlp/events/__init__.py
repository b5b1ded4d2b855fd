"""Event coding: who does what to whom in news sentences, typed with PLOVER and coded with sectors.

``lexicon`` says which words trigger which event, ``actors`` (with
``sectors``) which actor a noun phrase stands for, ``coder`` reads agent and
patient off the parse by the word lists and tests in ``rules``, ``pairing``
makes each trigger's sources and targets into coded events, and
``relations`` turns coded events into the stance relations we publish.
"""
