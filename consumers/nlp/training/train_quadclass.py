"""Train the quad-class head on the UN Parallel Corpus annotations (frozen MiniLM embeddings).

Run ``python -m consumers.nlp.training.train_quadclass [--data TSV] [--out
NPZ]`` (or ``python -m consumers.nlp.training.train`` for every shipped
model). Seeded and full-batch, so the same data and encoder give the same
weights. Holds out 15% (stratified, seeded, ``quadclass_data``) and ships the
head fit on the other 85%, so ``stancewire eval`` can score the shipped head
on sentences it never saw.
"""

import time

import numpy as np
import torch

from consumers.datasets import QUADCLASS, data_dir
from consumers.nlp.encoder import SentenceEncoder
from consumers.nlp.quadclass import DEFAULT_HEAD_PATH, QuadClassHead
from consumers.nlp.quadclass_data import HOLDOUT, SEED, read_tsv, stratified_split
from consumers.nlp.training.options import trainer_parser


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, epochs: int = 300, seed: int = SEED) -> QuadClassHead:
    """Multinomial logistic regression, full-batch L-BFGS with class-balanced loss."""
    torch.manual_seed(seed)
    xs = torch.from_numpy(x.astype(np.float32))
    ys = torch.from_numpy(y)
    counts = torch.bincount(ys, minlength=5).to(torch.float32)
    class_weight = counts.sum() / (5 * counts.clamp(min=1.0))
    linear = torch.nn.Linear(x.shape[1], 5)
    torch.nn.init.zeros_(linear.weight)
    torch.nn.init.zeros_(linear.bias)
    optimiser = torch.optim.LBFGS(linear.parameters(), lr=1.0, max_iter=epochs, line_search_fn="strong_wolfe")
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weight)

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss: torch.Tensor = loss_fn(linear(xs), ys) + l2 * linear.weight.pow(2).sum()
        loss.backward()  # type: ignore[no-untyped-call]
        return loss

    optimiser.step(closure)  # type: ignore[no-untyped-call]
    weights = linear.weight.detach().numpy().T.copy()
    bias = linear.bias.detach().numpy().copy()
    return QuadClassHead(weights, bias)


def main(argv: list[str] | None = None) -> None:
    """Encode, fit on the training split, report held-out accuracy and save the head."""
    parser = trainer_parser(__doc__, data=data_dir() / QUADCLASS, out=DEFAULT_HEAD_PATH)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    texts, labels = read_tsv(args.data)
    encoder = SentenceEncoder(args.encoder, threads=args.threads)
    embeddings = encoder.encode(texts)
    encoded = time.perf_counter()
    train, held = stratified_split(labels, HOLDOUT, SEED)
    head = fit(embeddings[train], labels[train], l2=args.l2)
    predicted = head.probabilities(embeddings[held]).argmax(axis=1)
    accuracy = float((predicted == labels[held]).mean())
    stance_of = np.asarray([0, 1, 1, 2, 2])
    stance_accuracy = float((stance_of[predicted] == stance_of[labels[held]]).mean())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    head.save(args.out)
    print(
        f"quad class: sentences={len(texts)} held_out={len(held)} accuracy={accuracy:.3f} "
        f"stance3_accuracy={stance_accuracy:.3f} encode_s={encoded - started:.1f} "
        f"total_s={time.perf_counter() - started:.1f} -> {args.out}"
    )


if __name__ == "__main__":
    main()
