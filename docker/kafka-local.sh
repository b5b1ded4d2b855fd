#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft) broker for local development and integration
# tests, without Docker: the broker jars come from Maven Central once and are
# cached outside the repository; each broker keeps its data in its own dir.
#
#   kafka-local.sh fetch                       download the broker jars (once)
#   kafka-local.sh start  [--port N] [--dir D] [--timeout S] [--sasl]
#   kafka-local.sh stop   [--port N] [--dir D] [--clean]
#   kafka-local.sh status [--port N] [--dir D]
#
# Environment: KAFKA_VERSION (4.1.1), STANCEWIRE_KAFKA_HOME (jar cache),
# STANCEWIRE_KAFKA_DATA (data dir), STANCEWIRE_KAFKA_JVM_OPTS, JAVA_HOME.
# --sasl: clients must authenticate (SASL_PLAINTEXT; SCRAM-SHA-256/512 or PLAIN)
# as STANCEWIRE_KAFKA__SASL_USERNAME / STANCEWIRE_KAFKA__SASL_PASSWORD, the same
# variables the worker reads. Every listener demands a login, the controller's
# (PORT+1) too: the broker reaches itself and its controller with SASL/PLAIN as
# that user. The password goes only into files readable by their owner alone
# (umask 077): server.properties, and the storage tool's argument file
# (java @file, deleted after the format); never onto a command line.
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
LOG4J_VERSION="${LOG4J_VERSION:-2.24.3}"
KAFKA_HOME="${STANCEWIRE_KAFKA_HOME:-$HOME/.cache/stancewire/kafka-$KAFKA_VERSION}"
LIBS="$KAFKA_HOME/libs"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Small heap, serial GC and C1 only: a test broker wants a fast start, not peak throughput.
JVM_OPTS="${STANCEWIRE_KAFKA_JVM_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true}"

PORT=9092 DIR="" TIMEOUT=60 CLEAN=0 SASL=0

die() { echo "kafka-local: $*" >&2; exit 1; }
say() { echo "kafka-local: $*"; }

fetch() {
  local marker="$KAFKA_HOME/.fetched"
  if [[ "$(cat "$marker" 2>/dev/null)" == "$KAFKA_VERSION" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found (needed once to fetch Kafka $KAFKA_VERSION)"
  mkdir -p "$KAFKA_HOME"
  exec 9>"$KAFKA_HOME/.fetch.lock" && flock 9  # concurrent first starts fetch once
  if [[ "$(cat "$marker" 2>/dev/null)" == "$KAFKA_VERSION" ]]; then exec 9>&-; return 0; fi
  # Broker + StorageTool (kafka_2.13), the admin CLIs (kafka-tools, without the
  # Connect runtime it drags in) and the slf4j 1.7 -> log4j2 binding.
  cat >"$KAFKA_HOME/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kafka-local</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId>
      <version>$KAFKA_VERSION</version>
      <exclusions><exclusion><groupId>org.apache.kafka</groupId>
        <artifactId>connect-runtime</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId>
      <version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  say "fetching Kafka $KAFKA_VERSION jars into $LIBS"
  rm -rf "$LIBS.tmp"
  mvn -q -B -Dstyle.color=never -f "$KAFKA_HOME/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIBS.tmp" >"$KAFKA_HOME/fetch.log" 2>&1 \
    || { tail -n 30 "$KAFKA_HOME/fetch.log" >&2; die "maven fetch failed (see $KAFKA_HOME/fetch.log)"; }
  rm -rf "$LIBS" && mv "$LIBS.tmp" "$LIBS"
  echo "$KAFKA_VERSION" >"$marker"
  exec 9>&-
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) PORT="${2:?--port needs a value}"; shift 2 ;;
      --dir) DIR="${2:?--dir needs a value}"; shift 2 ;;
      --timeout) TIMEOUT="${2:?--timeout needs a value}"; shift 2 ;;
      --clean) CLEAN=1; shift ;;
      --sasl) SASL=1; shift ;;
      *) die "unknown option: $1" ;;
    esac
  done
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
  if ((SASL)); then
    SASL_USER="${STANCEWIRE_KAFKA__SASL_USERNAME:?--sasl needs STANCEWIRE_KAFKA__SASL_USERNAME}"
    SASL_PASSWORD="${STANCEWIRE_KAFKA__SASL_PASSWORD:?--sasl needs STANCEWIRE_KAFKA__SASL_PASSWORD}"
    [[ "$SASL_USER$SASL_PASSWORD" != *[\"\\$'\n']* ]] \
      || die "--sasl: the user name and password may not contain quotes, backslashes or newlines"
  fi
  DIR="${DIR:-${STANCEWIRE_KAFKA_DATA:-/tmp/stancewire-kafka-$PORT}}"
  [[ "$DIR" == /* ]] || DIR="$PWD/$DIR"
  PIDFILE="$DIR/broker.pid"
}

# Prints the broker pid if one started from $DIR is alive.
running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  grep -qa kafka.Kafka "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# True if something listens on TCP port $1. Reads /proc instead of connecting:
# a connect probe to a free port in the ephemeral range can connect to itself
# and then hold the very port the broker is about to bind.
port_listening() {
  { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null || true; } |
    awk -v p=":$(printf '%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }'
}

# Kafka cluster ids are 16 random bytes, base64url without padding, not starting with '-'.
cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [[ "$id" != -* ]] && echo "$id" && return
  done
}

write_config() {
  local ctl=$((PORT + 1))
  cat >"$DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$ctl
controller.listener.names=CONTROLLER
log.dirs=$DIR/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.segment.bytes=16777216
log.retention.hours=24
EOF
  if ((SASL)); then
    local mechanism plain="org.apache.kafka.common.security.plain.PlainLoginModule required"
    plain+=" username=\"$SASL_USER\" password=\"$SASL_PASSWORD\" user_$SASL_USER=\"$SASL_PASSWORD\";"
    cat >>"$DIR/server.properties" <<EOF
listeners=SASL_PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$ctl
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$PORT
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512,PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=$plain
listener.name.sasl_plaintext.plain.sasl.jaas.config=$plain
EOF
    for mechanism in scram-sha-256 scram-sha-512; do
      echo "listener.name.sasl_plaintext.$mechanism.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;" \
        >>"$DIR/server.properties"
    done
  else
    cat >>"$DIR/server.properties" <<EOF
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$ctl
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
  fi
  cat >"$DIR/log4j2.properties" <<'EOF'
rootLogger.level=INFO
rootLogger.appenderRef.out.ref=OUT
appender.out.type=Console
appender.out.name=OUT
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.org.name=org.apache.kafka
logger.org.level=WARN
logger.raft.name=kafka.server.KafkaRaftServer
logger.raft.level=INFO
logger.state.name=state.change.logger
logger.state.level=WARN
EOF
}

start() {
  local pid
  if pid="$(running_pid)"; then
    say "broker already running (pid $pid, dir $DIR) on 127.0.0.1:$PORT"; return 0
  fi
  port_listening "$PORT" && die "port $PORT is already in use by another process"
  port_listening $((PORT + 1)) && die "controller port $((PORT + 1)) is already in use"
  if read -r lo hi </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && ((PORT + 1 >= lo && PORT <= hi)); then
    echo "kafka-local: warning: port $PORT is in the ephemeral range $lo-$hi; it may be taken" >&2
  fi
  fetch
  umask 077  # the config holds the SASL password: what is written below is the owner's alone
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  write_config
  chmod 600 "$DIR/server.properties"
  local cp="$LIBS/*" log4j="-Dlog4j2.configurationFile=$DIR/log4j2.properties"
  if [[ ! -f "$DIR/data/meta.properties" ]]; then
    # The SCRAM logins go in an @argument file of the storage tool (one argument a line, mode 600), not on a
    # command line others can read.
    local args="$DIR/format.args" mechanism scram=()
    if ((SASL)); then
      : >"$args"
      for mechanism in SCRAM-SHA-256 SCRAM-SHA-512; do
        printf -- '--add-scram\n%s=[name=%s,password=%s]\n' "$mechanism" "$SASL_USER" "$SASL_PASSWORD" >>"$args"
      done
      scram=("@$args")
    fi
    # shellcheck disable=SC2086
    "$JAVA" $JVM_OPTS "$log4j" -cp "$cp" kafka.tools.StorageTool format --standalone \
      --ignore-formatted -t "$(cluster_id)" -c "$DIR/server.properties" "${scram[@]}" >"$DIR/format.log" 2>&1 \
      || { rm -f "$args"; cat "$DIR/format.log" >&2; die "storage format failed"; }
    rm -f "$args"
  fi
  [[ -f "$DIR/broker.log" ]] && mv -f "$DIR/broker.log" "$DIR/broker.log.1"
  # shellcheck disable=SC2086
  setsid nohup "$JAVA" $JVM_OPTS "$log4j" -cp "$cp" kafka.Kafka "$DIR/server.properties" \
    >"$DIR/broker.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PIDFILE"
  local deadline=$((SECONDS + TIMEOUT))
  until grep -q "Kafka Server started" "$DIR/broker.log" && port_listening "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)) ||
      grep -q "Exiting Kafka due to fatal exception" "$DIR/broker.log"; then
      local why="failed"; ((SECONDS >= deadline)) && why="did not come up within ${TIMEOUT}s"
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
      rm -f "$PIDFILE"
      echo "---- $DIR/broker.log (stack frames omitted) ----" >&2
      grep -vE '^\s+(at |\.\.\. [0-9]+ more)' "$DIR/broker.log" | tail -n 30 >&2 || true
      die "broker $why; full log: $DIR/broker.log"
    fi
    sleep 0.2
  done
  say "broker started (pid $pid, dir $DIR)"
  echo "127.0.0.1:$PORT"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "broker did not stop within 30s; killing"; kill -KILL "$pid" 2>/dev/null || true
    fi
    say "broker stopped (pid $pid)"
  else
    say "no broker running in $DIR"
  fi
  rm -f "$PIDFILE"
  if ((CLEAN)) && [[ -d "$DIR" ]]; then
    [[ -f "$DIR/server.properties" ]] || die "refusing to remove $DIR: not a kafka-local data dir"
    rm -rf "$DIR" && say "removed $DIR"
  fi
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid, 127.0.0.1:$PORT, dir $DIR)"
  else
    echo "stopped (dir $DIR)"; return 1
  fi
}

cmd="${1:-}"; shift || true
case "$cmd" in
  fetch) fetch; say "Kafka $KAFKA_VERSION jars in $LIBS" ;;
  start) parse_args "$@"; start ;;
  stop) parse_args "$@"; stop ;;
  status) parse_args "$@"; status ;;
  -h | --help | help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
