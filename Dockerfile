# The bot's image: `python -m bot <command>` (webhook by default; worker, migrate, load-data,
# invite). Build with `docker build -t arcp-bot .` or through compose.yaml.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY dialogs dialogs
COPY services services
COPY storage storage
COPY locales locales
COPY data data
COPY sandbox sandbox
RUN python -m venv /opt/arcp && /opt/arcp/bin/pip install .

FROM python:3.11-slim
ENV PATH=/opt/arcp/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY --from=build /opt/arcp /opt/arcp
# An unprivileged account; its home is the working directory (an empty one: the code is
# imported from the installed package, and a .env file may be mounted here).
RUN useradd --system --create-home --home-dir /var/lib/arcp arcp
USER arcp
WORKDIR /var/lib/arcp
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "bot"]
CMD ["webhook"]
