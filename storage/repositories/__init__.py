"""Queries, one module per table group. They flush but never commit."""
