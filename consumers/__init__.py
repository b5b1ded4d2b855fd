"""stancewire: Kafka workers that turn raw news into entity, stance and alert events."""

__version__ = "0.1.0"
