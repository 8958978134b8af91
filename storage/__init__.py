"""Persistence: SQLModel over SQLAlchemy's async engine. Only repository functions open sessions."""
