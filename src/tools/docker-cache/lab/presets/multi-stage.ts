/** A builder stage with compilers, a test stage, and a slim runtime stage that runs as a user. */
import type { LabConfig } from '../lab-config';

const requirements = `fastapi==0.115.6
uvicorn==0.34.0
uvloop==0.21.0
orjson==3.10.12
`;

const main = `import uvicorn

from shop.api import app

uvicorn.run(app, host="0.0.0.0", port=8000)
`;

const tests = `from shop.api import app


def test_app_has_routes():
    assert app.routes
`;

export const multiStagePreset: LabConfig = {
  dockerfile: `FROM python:3.12-slim AS builder
RUN apt-get update \\
    && apt-get install -y --no-install-recommends build-essential \\
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
WORKDIR /build
COPY requirements.txt .
RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt

FROM builder AS test
COPY . .
RUN /opt/venv/bin/pip install --no-cache-dir pytest==8.3.4 \\
    && /opt/venv/bin/python -m pytest -q

FROM python:3.12-slim AS runtime
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY src/ ./
ENV PATH="/opt/venv/bin:$PATH"
USER app
CMD ["python", "-m", "shop"]
`,
  files: {
    'requirements.txt': requirements,
    'src/shop/__init__.py': '',
    'src/shop/__main__.py': main,
    'src/shop/api.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
    'tests/test_api.py': tests,
    'README.md': '# Shop\n',
  },
  dockerignore: '.git\n.venv\n**/__pycache__\n*.log\nDockerfile\n.dockerignore\n',
  buildArgs: {},
  target: null,
  builder: 'buildkit',
  changes: [
    {
      label: 'Edit src/shop/api.py',
      files: {
        'src/shop/api.py':
          'from fastapi import FastAPI\n\napp = FastAPI(title="Shop")\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
      },
      buildArgs: {},
    },
    {
      label: 'Edit a test',
      files: { 'tests/test_api.py': `${tests}\n\ndef test_title():\n    assert app.title\n` },
      buildArgs: {},
    },
    {
      label: 'Add a dependency',
      files: { 'requirements.txt': `${requirements}httpx==0.28.1\n` },
      buildArgs: {},
    },
  ],
};
