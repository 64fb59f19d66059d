/** The Dockerfile many Python guides start with: `COPY . .` before `pip install`. */
import type { LabConfig } from '../lab-config';

const requirements = `flask==3.0.3
gunicorn==23.0.0
requests==2.32.3
sqlalchemy==2.0.36
psycopg[binary]==3.2.3
pydantic==2.10.4
`;

const main = `from flask import Flask

app = Flask(__name__)


@app.get("/health")
def health():
    return {"status": "ok"}
`;

export const copyFirstPreset: LabConfig = {
  dockerfile: `FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
`,
  files: {
    'requirements.txt': requirements,
    'app/__init__.py': '',
    'app/main.py': main,
    'tests/test_main.py': `from app.main import app


def test_health():
    assert app.test_client().get("/health").json == {"status": "ok"}
`,
    'README.md':
      '# Orders service\n\nRun it with `docker build -t orders . && docker run orders`.\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/refs/heads/main': '3f9c2e1d7a4b6c8e0f1a2b3c4d5e6f708192a3b4\n',
  },
  dockerignore: null,
  buildArgs: {},
  target: null,
  builder: 'buildkit',
  changes: [
    {
      label: 'Edit app/main.py',
      files: {
        'app/main.py': `${main}

@app.get("/version")
def version():
    return {"version": "1.1.0"}
`,
      },
      buildArgs: {},
    },
    {
      label: 'Add a dependency',
      files: { 'requirements.txt': `${requirements}structlog==24.4.0\n` },
      buildArgs: {},
    },
    {
      label: 'Commit to git',
      files: { '.git/refs/heads/main': 'a71d03c5e9b2f4a6c8d0e1f2a3b4c5d6e7f80912\n' },
      buildArgs: {},
    },
  ],
};
