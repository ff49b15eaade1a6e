"""A PostgreSQL server for the tests: throwaway databases, copied from a template in one step."""

import itertools
import os

import psycopg
from sqlalchemy.engine import make_url


class PostgresServer:
    def __init__(self, url: str):
        self.url = make_url(url).set(drivername="postgresql+asyncpg")
        self.safe_url = self.url.render_as_string(hide_password=True)
        self.prefix = f"arcp_t{os.getpid()}_"
        self._names = itertools.count(1)
        self.made: list[str] = []

    def _admin(self) -> psycopg.Connection:
        url = self.url
        return psycopg.connect(
            host=url.host or "127.0.0.1", port=url.port or 5432, user=url.username,
            password=url.password, dbname=url.database or "postgres", autocommit=True,
            connect_timeout=3)

    def unreachable(self) -> str | None:
        """Why the server cannot be used, or None."""
        try:
            with self._admin() as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as error:
            message = str(error).strip()
            return message.splitlines()[0] if message else type(error).__name__
        return None

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        """A new empty database, or a copy of `template` (the default WAL_LOG copy: here it is
        faster than FILE_COPY, which checkpoints twice)."""
        name = f"{self.prefix}{next(self._names)}"
        copy = f" TEMPLATE {template}" if template else ""
        with self._admin() as conn:
            conn.execute(f"CREATE DATABASE {name}{copy}")
        self.made.append(name)
        return name

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if name in self.made:
            self.made.remove(name)

    def drop_all(self) -> None:
        for name in reversed(list(self.made)):
            self.drop(name)
