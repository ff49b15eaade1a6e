"""Persistence: models, engine and sessions, repositories, migrations (SQLAlchemy only)."""
