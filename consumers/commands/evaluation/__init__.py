"""Measuring annotation quality and speed: ``stancewire eval``.

``actor_target`` scores directed relations on news passages annotated for
this project (``data/actor_target.jsonl``) against a co-occurrence baseline;
``benchmarks`` scores the target-stance model on NewsMTSC files, the
quad-class head on its held-out sentences, and the pipeline's speed;
``report`` runs them all and prints one table.
"""
