"""Kafka: clients, topic creation, topic readers, where to start and stop reading."""
