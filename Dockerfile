# Punchline: one image for the API (`python main.py serve --no-workers`) and the workers
# (`python main.py worker`); the ECS task definitions in cloudformation/services.yaml pick the
# command. On AWS the store is DynamoDB itself, so no Java and no DynamoDB Local are needed here.
#
#   docker build -t punchline:$(git rev-parse --short HEAD) .
FROM python:3.11-slim AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PUNCHLINE_STORE_MODE=aws \
    PUNCHLINE_DATA_DIR=/tmp/punchline

WORKDIR /app

# Dependencies first: this layer is reused until requirements.txt changes.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY main.py pyproject.toml schema.graphql ./
COPY core ./core
COPY store ./store
COPY processing ./processing
COPY resolvers ./resolvers
COPY api ./api
COPY cli ./cli

# An unprivileged user; the only writable place it needs is PUNCHLINE_DATA_DIR.
RUN useradd --system --uid 10001 --home-dir /app punchline && mkdir -p /tmp/punchline \
    && chown punchline /tmp/punchline
USER punchline

EXPOSE 8000
CMD ["python", "main.py", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-workers"]
