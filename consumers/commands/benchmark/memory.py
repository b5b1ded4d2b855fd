"""Where a worker's memory goes: its resident set after each stage of loading the models and annotating.

The stages run in a fresh interpreter (``python -m consumers.commands.benchmark.memory``),
so nothing the benchmark loaded before counts, and each prints one JSON line:
the stage and the resident set size after it (``VmRSS``, Linux). The
benchmark shows the growth from one stage to the next.
"""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

from consumers.settings import Settings

STATUS = Path("/proc/self/status")


def resident_mb() -> float:
    """This process's resident set size now (0 where /proc is missing)."""
    if not STATUS.exists():
        return 0.0
    for line in STATUS.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _stages(settings: Settings, count: int) -> Iterator[str]:
    """What a worker loads and does, in its order; yields each stage's name once it is done."""
    from consumers.commands.benchmark.fixtures import bench_articles
    from consumers.nlp import event_tables, ner, pipeline  # spaCy, thinc without torch (consumers.nlp.thinc_loading)
    from consumers.nlp.gazetteer import default_gazetteer
    from consumers.nlp.quadclass import QuadClassHead

    nlp = settings.nlp
    yield "spaCy and the NLP modules imported"
    parser = ner.build_ner(
        nlp.ner_backend, spacy_model=nlp.spacy_model, ner_model=nlp.ner_model, threads=nlp.torch_threads
    )
    yield "spaCy pipeline loaded (tagger, parser, NER)"
    encoder = pipeline.build_encoder(nlp.encoder, runtime=nlp.runtime, threads=nlp.torch_threads, onnx_dir=nlp.onnx_dir)
    imports = ", which imports torch and transformers" if nlp.runtime == "torch" else ""
    yield f"sentence encoder loaded (nlp.runtime={nlp.runtime}{imports})"
    scorer = pipeline.build_target_scorer(
        nlp.stance_backend,
        nli_model=nlp.nli_model,
        threads=nlp.torch_threads,
        runtime=nlp.runtime,
        onnx_dir=nlp.onnx_dir,
    )
    yield f"target-stance model loaded (nlp.runtime={nlp.runtime})"
    head, gazetteer = QuadClassHead.load(), default_gazetteer()
    event_tables.verb_lexicon(), event_tables.agent_sectors(), event_tables.known_actors()
    yield "quad-class head, gazetteer and event tables loaded"
    annotator = pipeline.NlpAnnotator(parser, encoder, head, scorer, enrichment_version="memory", gazetteer=gazetteer)
    articles = bench_articles(settings, count)
    annotator.annotate(articles[:1])
    yield "one article annotated"
    size = settings.worker.batch_size
    for start in range(0, count, size):
        annotator.annotate(articles[start : start + size])
    yield f"{count} articles annotated, batches of {size}"


def main() -> None:
    """Run the stages in this process and print each one's resident set."""
    settings = Settings()
    print(json.dumps({"stage": "interpreter and settings", "rss_mb": resident_mb()}), flush=True)
    for name in _stages(settings, int(sys.argv[1]) if len(sys.argv) > 1 else 64):
        print(json.dumps({"stage": name, "rss_mb": resident_mb()}), flush=True)


def memory_stages(articles: int, runtime: str | None = None) -> list[tuple[str, float]]:
    """The stages run in a fresh interpreter (on ``runtime`` if given): (stage, resident MB after it)."""
    command = [sys.executable, "-m", "consumers.commands.benchmark.memory", str(articles)]
    env = os.environ | ({"STANCEWIRE_NLP__RUNTIME": runtime} if runtime else {})
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)  # noqa: S603 - our own module
    rows = [orjson.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return [(row["stage"], float(row["rss_mb"])) for row in rows]


if __name__ == "__main__":
    main()
