/** A pyproject.toml + uv.lock project, dependencies installed before the source is copied. */
import type { LabConfig } from '../lab-config';

const pyproject = `[project]
name = "shop"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = [
    "fastapi>=0.115",
    "uvicorn>=0.34",
]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

const lockEntry = (name: string, version: string) => `
[[package]]
name = "${name}"
version = "${version}"
source = { registry = "https://pypi.org/simple" }
`;

const lock = `# Trimmed for the lab: real entries also list sdist and wheel URLs with hashes.
version = 1
revision = 3
requires-python = ">=3.12"
${lockEntry('annotated-types', '0.7.0')}${lockEntry('anyio', '4.7.0')}${lockEntry('click', '8.1.8')}${lockEntry('fastapi', '0.115.6')}${lockEntry('h11', '0.14.0')}${lockEntry('idna', '3.10')}${lockEntry('pydantic', '2.10.4')}${lockEntry('pydantic-core', '2.27.2')}
[[package]]
name = "shop"
version = "0.1.0"
source = { editable = "." }
${lockEntry('sniffio', '1.3.1')}${lockEntry('starlette', '0.41.3')}${lockEntry('typing-extensions', '4.12.2')}${lockEntry('uvicorn', '0.34.0')}`;

const api = `from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
`;

export const uvPreset: LabConfig = {
  dockerfile: `FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.8.15 /uv /uvx /bin/
WORKDIR /app
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync --locked --no-install-project --no-dev
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync --locked --no-dev
CMD ["/app/.venv/bin/uvicorn", "shop.api:app", "--host", "0.0.0.0"]
`,
  files: {
    'pyproject.toml': pyproject,
    'uv.lock': lock,
    'src/shop/__init__.py': '',
    'src/shop/api.py': api,
    'tests/test_api.py': 'def test_health():\n    assert True\n',
    'README.md': '# Shop\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/refs/heads/main': '5b1e9d7c3a2f4e6d8c0b1a2f3e4d5c6b7a8f9e0d\n',
    '.venv/pyvenv.cfg': 'home = /usr/local/bin\nversion = 3.12.8\n',
    'src/shop/__pycache__/api.cpython-312.pyc': 'compiled bytes\n',
  },
  dockerignore: null,
  buildArgs: {},
  target: null,
  builder: 'buildkit',
  changes: [
    {
      label: 'Edit src/shop/api.py',
      files: {
        'src/shop/api.py': `${api}

@app.get("/items")
def items() -> list[str]:
    return ["kettle", "teapot"]
`,
      },
      buildArgs: {},
    },
    {
      label: 'Edit README.md',
      files: { 'README.md': '# Shop\n\nA small FastAPI service.\n' },
      buildArgs: {},
    },
    {
      label: 'Commit to git',
      files: { '.git/refs/heads/main': '9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c\n' },
      buildArgs: {},
    },
    {
      label: 'Lock a new dependency',
      files: {
        'pyproject.toml': pyproject.replace(
          '"uvicorn>=0.34",',
          '"uvicorn>=0.34",\n    "httpx>=0.28",',
        ),
        'uv.lock': `${lock}${lockEntry('httpx', '0.28.1')}`,
      },
      buildArgs: {},
    },
  ],
};
