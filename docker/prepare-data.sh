#!/usr/bin/env bash
# Fetch the labelled data of `stancewire eval` and `make models` / `make event-tables` from its public
# sources, each file pinned to a commit and checked by SHA-256 (see consumers/datasets.py for where it is read).
# Needs curl and network access to raw.githubusercontent.com; not run in CI.
#
#   bash docker/prepare-data.sh [DIR]   # default: $STANCEWIRE_DATA_DIR, else shared/data beside the repository
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-${STANCEWIRE_DATA_DIR:-$repository/../shared/data}}"

# fetch OWNER/REPO COMMIT PATH DESTINATION SHA256
fetch() {
  local url="https://raw.githubusercontent.com/$1/$2/$3" destination="$target/$4" expected="$5"
  if [[ -f "$destination" ]] && echo "$expected  $destination" | sha256sum --check --status; then
    echo "ok       $4"
    return
  fi
  mkdir -p "$(dirname "$destination")"
  curl --fail --silent --show-error --location --retry 3 --output "$destination.part" "$url"
  if ! echo "$expected  $destination.part" | sha256sum --check --status; then
    echo "checksum mismatch for $url" >&2
    rm -f "$destination.part"
    exit 1
  fi
  mv "$destination.part" "$destination"
  echo "fetched  $4"
}

# licence beside the data: OWNER/REPO COMMIT DESTINATION (no checksum: only kept for attribution)
licence() {
  mkdir -p "$(dirname "$target/$3")"
  curl --fail --silent --show-error --location --output "$target/$3" "https://raw.githubusercontent.com/$1/$2/LICENSE" \
    || echo "warning: no LICENSE at $1@$2; keep the attribution of $(dirname "$3")/ by hand" >&2
}

NEWSMTSC=b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7
DATASETS=NewsSentiment/experiments/default/datasets
fetch fhamborg/NewsMTSC $NEWSMTSC $DATASETS/newsmtsc-rw/train.jsonl newsmtsc/train.jsonl fb80ff05993dd59016c36abefaa7bd00d77cb0cb38a781c1f9edd9ad7c61471e
fetch fhamborg/NewsMTSC $NEWSMTSC $DATASETS/newsmtsc-rw/dev.jsonl newsmtsc/dev_rw.jsonl d62a327eefa17f63c66ed221f31d0b4e140b46c58bdd9680df562523c860bf4b
fetch fhamborg/NewsMTSC $NEWSMTSC $DATASETS/newsmtsc-mt/dev.jsonl newsmtsc/dev_mt.jsonl 728602b11d63deb64874e1933bb6b832596a25fd711235cc38d022d839b03738
licence fhamborg/NewsMTSC $NEWSMTSC newsmtsc/LICENSE

KEEP_IT_LOCAL=9adc00fd46dfbe0a27b6bbf3daddcda226d0863e
fetch javierosorio/keep_it_local $KEEP_IT_LOCAL 1_data/en/quadclass/en_annotations_quad_multiclass.tsv unpc_quadclass/en_annotations_quad_multiclass.tsv 384dc95f8058c60e988e4473f13ff76f2b42f42c8e3d5e9a8a53d52eb58f0a4b
licence javierosorio/keep_it_local $KEEP_IT_LOCAL unpc_quadclass/LICENSE

PETRARCH2=676801cd9cb2924bbbad09f86d15c9323e7097bf
DICTIONARIES=petrarch2/data/dictionaries
fetch openeventdata/petrarch2 $PETRARCH2 $DICTIONARIES/CAMEO.2.0.txt event_dictionaries/CAMEO.2.0.txt 4a442ee42f7574651ec1c594f127353cdffbf18fa97b207ad5d8298a3cfaa08f
fetch openeventdata/petrarch2 $PETRARCH2 $DICTIONARIES/Phoenix.Countries.actors.txt event_dictionaries/Phoenix.Countries.actors.txt 8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506
fetch openeventdata/petrarch2 $PETRARCH2 $DICTIONARIES/Phoenix.International.actors.txt event_dictionaries/Phoenix.International.actors.txt 6fafbbe39bc47858edb9262411ab005b97977818237f85f3808fd11701a3ad2c
fetch openeventdata/petrarch2 $PETRARCH2 $DICTIONARIES/Phoenix.MilNonState.actors.txt event_dictionaries/Phoenix.MilNonState.actors.txt 78496d642ceb3501137f12a3d8af7820b139319200b5ecffa05f0f91a2508f3b
fetch openeventdata/petrarch2 $PETRARCH2 $DICTIONARIES/Phoenix.agents.txt event_dictionaries/Phoenix.agents.txt 336330de3ae91cb7daeeb50a7320ff4c9f11e5e69b6dd3a4ebedc522751a95c6
licence openeventdata/petrarch2 $PETRARCH2 event_dictionaries/LICENSE-petrarch2

PLOVER=5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f
fetch openeventdata/PLOVER $PLOVER CAMEO2PLOVER-2021.txt event_dictionaries/CAMEO2PLOVER-2021.txt 524512a777756e90f6721724d7c5cab4eac2c35178a50ad2ad09bdb3edefbe7e

echo "data in $target: STANCEWIRE_DATA_DIR=$target stancewire eval"
