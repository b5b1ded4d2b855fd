"""Train the target-dependent stance model on NewsMTSC: LoRA adapters on MiniLM plus a linear head.

Run ``python -m consumers.nlp.training.train_target_stance`` (or ``python -m
consumers.nlp.training.train`` for every shipped model). Seeded end to end (data
order, initialisation, dropout; deterministic algorithms on), so the same
data, encoder and thread count give the same weights. The epoch with the best
mean macro-F1 over the two dev splits is the one saved.
"""

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file
from transformers import AutoModel, AutoTokenizer, get_linear_schedule_with_warmup

from consumers.datasets import NEWSMTSC, data_dir
from consumers.nlp.embeddings import default_encoder_path
from consumers.nlp.metrics import accuracy, macro_f1
from consumers.nlp.newsmtsc import read_newsmtsc
from consumers.nlp.target_items import DEFAULT_TSC_PATH, MAX_LENGTH, TSC_LABELS, marked
from consumers.nlp.target_stance import StanceNet, predict
from consumers.nlp.training.lora import add_lora, lora_state
from consumers.nlp.training.options import trainer_parser

SEED = 13
VERSION = "minilm-tsc-lora:1"


@dataclass(frozen=True, slots=True)
class TscConfig:
    """Hyperparameters; the defaults are what the shipped model was trained with."""

    epochs: int = 2
    batch_size: int = 32
    lr: float = 1e-3
    head_lr: float = 2e-3
    rank: int = 8
    alpha: float = 16.0
    lora_dropout: float = 0.1
    warmup: float = 0.06
    weight_decay: float = 0.01
    limit: int | None = None  # first N training targets only (smoke runs)


DEFAULTS = TscConfig()


def seed_everything(seed: int, threads: int) -> None:
    """Same seed, same thread count, same weights."""
    torch.manual_seed(seed)
    np.random.seed(seed)  # some library code still reads the global generator
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def epoch_batches(lengths: list[int], batch_size: int, rng: np.random.Generator) -> list[list[int]]:
    """Shuffled, then sorted by length within windows of 50 batches (less padding), batches shuffled."""
    order = rng.permutation(len(lengths)).tolist()
    window = batch_size * 50
    result: list[list[int]] = []
    for begin in range(0, len(order), window):
        chunk = sorted(order[begin : begin + window], key=lambda i: lengths[i])
        result.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    return [result[i] for i in rng.permutation(len(result)).tolist()]


def evaluate(net: StanceNet, tokenizer: object, data_dir: Path) -> dict[str, tuple[float, float]]:
    """(macro-F1, accuracy) on each dev split."""
    net.eval()
    scores: dict[str, tuple[float, float]] = {}
    for split in ("dev_rw", "dev_mt"):
        items, gold = read_newsmtsc(data_dir / f"{split}.jsonl")
        predicted = predict(net, tokenizer, items, 64).argmax(axis=1).tolist()
        scores[split] = (macro_f1(gold, predicted, len(TSC_LABELS)), accuracy(gold, predicted))
    net.train()
    return scores


def _metadata(config: TscConfig, scores: dict[str, tuple[float, float]], epoch: int) -> dict[str, str]:
    """What the saved adapters record about how they were trained and selected."""
    return {
        "version": VERSION,
        "rank": str(config.rank),
        "alpha": str(config.alpha),
        "labels": ",".join(TSC_LABELS),
        "epoch": str(epoch),
        "dev_rw_macro_f1": f"{scores['dev_rw'][0]:.4f}",
        "dev_mt_macro_f1": f"{scores['dev_mt'][0]:.4f}",
    }


def train(data_dir: Path, out: Path, config: TscConfig, *, encoder: str | None = None, threads: int = 2) -> None:
    """Fine-tune, select the best epoch on the dev splits, save adapters and head as safetensors."""
    started = time.perf_counter()
    seed_everything(SEED, threads)
    base = encoder or default_encoder_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModel.from_pretrained(base)
    add_lora(model, rank=config.rank, alpha=config.alpha, dropout=config.lora_dropout)
    net = StanceNet(model, int(model.config.hidden_size))
    items, labels = read_newsmtsc(data_dir / "train.jsonl")
    items, labels = items[: config.limit], labels[: config.limit]
    pairs = [marked(item) for item in items]
    encoded = tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation="only_first", max_length=MAX_LENGTH)
    lengths = [len(ids) for ids in encoded["input_ids"]]
    rng = np.random.default_rng(SEED)
    steps = config.epochs * -(-len(items) // config.batch_size)
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for n, p in net.named_parameters() if "lora_" in n], "lr": config.lr},
            {"params": list(net.head.parameters()), "lr": config.head_lr},
        ],
        weight_decay=config.weight_decay,
    )
    schedule = get_linear_schedule_with_warmup(optimiser, int(config.warmup * steps), steps)  # type: ignore[no-untyped-call]
    loss_fn = torch.nn.CrossEntropyLoss()
    target = torch.tensor(labels)
    best: tuple[float, dict[str, torch.Tensor], dict[str, tuple[float, float]], int] | None = None
    net.train()
    for epoch in range(1, config.epochs + 1):
        epoch_start = time.perf_counter()
        for step, idx in enumerate(epoch_batches(lengths, config.batch_size, rng), start=1):
            features = [{k: encoded[k][i] for k in encoded} for i in idx]
            batch = tokenizer.pad(features, return_tensors="pt")
            loss = loss_fn(net(**batch), target[idx])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in net.parameters() if p.requires_grad], 1.0)
            optimiser.step()
            schedule.step()
            if step % 25 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.3f} {time.perf_counter() - epoch_start:.0f}s")
        scores = evaluate(net, tokenizer, data_dir)
        mean_f1 = (scores["dev_rw"][0] + scores["dev_mt"][0]) / 2
        print(f"epoch {epoch}: {scores} ({time.perf_counter() - epoch_start:.0f}s)")
        if best is None or mean_f1 > best[0]:
            state = lora_state(net.encoder, "encoder.")
            state.update({f"head.{k}": v.detach().clone() for k, v in net.head.state_dict().items()})
            best = (mean_f1, state, scores, epoch)
    if best is None:
        raise ValueError("no epochs to train")
    _, state, scores, epoch = best
    out.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(out), metadata=_metadata(config, scores, epoch))
    print(f"target stance: best epoch {epoch} {scores} total_s={time.perf_counter() - started:.0f} -> {out}")


def main(argv: list[str] | None = None) -> None:
    """Command line: data directory, output file, epochs, threads."""
    parser = trainer_parser(__doc__, data=data_dir() / NEWSMTSC, out=DEFAULT_TSC_PATH)
    parser.add_argument("--epochs", type=int, default=DEFAULTS.epochs)
    parser.add_argument("--lr", type=float, default=DEFAULTS.lr)
    parser.add_argument("--rank", type=int, default=DEFAULTS.rank)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N targets only (smoke runs)")
    args = parser.parse_args(argv)
    config = TscConfig(epochs=args.epochs, lr=args.lr, rank=args.rank, limit=args.limit)
    train(args.data, args.out, config, encoder=args.encoder, threads=args.threads)


if __name__ == "__main__":
    main()
