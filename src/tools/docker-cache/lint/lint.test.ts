/**
 * One case per lint rule of dockerfile-lint.md, named after its id: the rule fires on `bad`, stays
 * quiet on `good`, and a mechanical fix removes the finding (and gives `fixed` when stated).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFix } from './apply-fix';
import { lint, lintRules } from '.';
import type { LintFinding, LintOptions } from './types';

interface Case {
  rule: string;
  bad: string;
  good?: string;
  options?: LintOptions;
  /** Options for `good` when they differ (e.g. a complete .dockerignore). */
  goodOptions?: LintOptions;
  fixed?: string;
  message?: RegExp;
}

const py = 'FROM python:3.12-slim\n';
const deb = 'FROM debian:12-slim\n';

const cases: Case[] = [
  {
    rule: 'DL3008',
    bad: `${deb}RUN apt-get install -y --no-install-recommends curl\n`,
    good: `${deb}RUN apt-get install -y --no-install-recommends curl=7.88.1-10\n`,
  },
  {
    rule: 'DL3009',
    bad: `${deb}RUN apt-get update && apt-get install -y curl=1\n`,
    good: `${deb}RUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`,
    fixed: `${deb}RUN apt-get update && apt-get install -y curl=1 \\\n    && rm -rf /var/lib/apt/lists/*\n`,
  },
  {
    rule: 'DL3014',
    bad: `${deb}RUN apt-get install curl=1\n`,
    good: `${deb}RUN apt-get install -qy curl=1\n`,
    fixed: `${deb}RUN apt-get install -y curl=1\n`,
  },
  {
    rule: 'DL3015',
    bad: `${deb}RUN apt-get install -y curl=1\n`,
    fixed: `${deb}RUN apt-get install --no-install-recommends -y curl=1\n`,
  },
  {
    rule: 'DL3027',
    bad: `${deb}RUN apt install -y curl=1\n`,
    fixed: `${deb}RUN apt-get install -y curl=1\n`,
  },
  {
    rule: 'DL3018',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n',
  },
  {
    rule: 'DL3019',
    bad: 'FROM alpine:3.20\nRUN apk add curl=8\n',
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8\n',
  },
  {
    rule: 'DL3032',
    bad: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4\n',
    good: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4 && yum clean all\n',
  },
  {
    rule: 'DL3040',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
  },
  {
    rule: 'DL3036',
    bad: 'FROM opensuse/leap:15\nRUN zypper install -y httpd\n',
    good: 'FROM opensuse/leap:15\nRUN zypper install -y httpd && zypper clean\n',
  },
  {
    rule: 'DL3042',
    bad: `${py}RUN pip install -r requirements.txt\n`,
    good: `${py}ENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n`,
    fixed: `${py}RUN pip install --no-cache-dir -r requirements.txt\n`,
  },
  {
    rule: 'DL3042',
    bad: `${py}RUN python -m pip install flask==3\n`,
    good: `${py}RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n`,
  },
  {
    rule: 'DL3013',
    bad: `${py}RUN pip install --no-cache-dir flask\n`,
    good: `${py}RUN pip install --no-cache-dir flask==3.0.3 -r x.txt\n`,
    message: /flask/,
  },
  {
    rule: 'DL3016',
    bad: 'FROM node:20\nRUN npm install express\n',
    good: 'FROM node:20\nRUN npm install express@4.19.2\n',
  },
  {
    rule: 'DL3028',
    bad: 'FROM ruby:3\nRUN gem install bundler\n',
    good: 'FROM ruby:3\nRUN gem install bundler:2.5.10\n',
  },
  {
    rule: 'DL3062',
    bad: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
    good: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
  },
  {
    rule: 'DL3060',
    bad: 'FROM node:20\nRUN yarn install\n',
    fixed: 'FROM node:20\nRUN yarn install \\\n    && yarn cache clean\n',
  },
  {
    rule: 'DL3059',
    bad: `${py}RUN echo a\nRUN echo b\n`,
    good: `${py}RUN echo a\nENV X=1\nRUN echo b\n`,
    fixed: `${py}RUN echo a \\\n    && echo b\n`,
  },
  { rule: 'DL3003', bad: `${py}RUN cd /app && make\n`, good: `${py}WORKDIR /app\nRUN make\n` },
  { rule: 'DL3004', bad: `${deb}RUN sudo apt-get update\n` },
  {
    rule: 'DL4006',
    bad: `${deb}RUN wget -qO- https://example.com/x.tgz | tar xz\n`,
    good: `${deb}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x.tgz | tar xz\n`,
    fixed: `${deb}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x.tgz | tar xz\n`,
  },
  {
    rule: 'DL4001',
    bad: `${deb}RUN wget -q https://a/x\nRUN curl -fsSLO https://a/y\n`,
    good: `${deb}RUN curl -fsSLO https://a/x\n`,
  },
  {
    rule: 'DL3047',
    bad: `${deb}RUN wget https://a/x\n`,
    good: `${deb}RUN wget -q https://a/x\n`,
    fixed: `${deb}RUN wget --progress=dot:giga https://a/x\n`,
  },
  {
    rule: 'DL3046',
    bad: `${deb}RUN useradd -u 1234567 app\n`,
    good: `${deb}RUN useradd -l -u 1234567 app\n`,
  },
  {
    rule: 'DL3010',
    bad: `${deb}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n`,
    good: `${deb}ADD app.tar.gz /opt/\n`,
  },
  {
    rule: 'DL3006',
    bad: 'FROM python\n',
    good: 'FROM python:3.12\nFROM python:3.12 AS b\nFROM b\n',
  },
  { rule: 'DL3007', bad: 'FROM python:latest\n', good: 'FROM python:latest@sha256:0123abcd\n' },
  {
    rule: 'DL3026',
    bad: 'FROM quay.io/org/app:1\n',
    good: 'FROM python:3.12\n',
    options: { allowedRegistries: ['docker.io'] },
  },
  { rule: 'DL3029', bad: 'FROM --platform=linux/amd64 python:3.12\n', good: 'FROM python:3.12\n' },
  {
    rule: 'DL3065',
    bad: 'FROM --platform=$TARGETPLATFORM python:3.12\n',
    good: 'FROM --platform=$BUILDPLATFORM python:3.12\n',
  },
  { rule: 'DL3064', bad: `${py}ARG GITHUB_TOKEN\n`, good: `${py}ARG GIT_SHA\n` },
  {
    rule: 'DL3022',
    bad: `${py}COPY --from=builder /a /b\n`,
    good: `FROM python:3.12 AS builder\n${py}COPY --from=builder /a /b\n`,
  },
  { rule: 'DL3023', bad: 'FROM python:3.12 AS app\nCOPY --from=app /a /b\n' },
  {
    rule: 'DL3024',
    bad: 'FROM python:3.12 AS x\nFROM python:3.13 AS x\n',
    good: 'FROM python:3.12 AS x\nFROM python:3.13 AS y\n',
  },
  { rule: 'DL4003', bad: `${py}CMD ["a"]\nCMD ["b"]\n`, fixed: `${py}CMD ["b"]\n` },
  {
    rule: 'DL4004',
    bad: `${py}ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n`,
    fixed: `${py}ENTRYPOINT ["b"]\n`,
  },
  // Two CMDs are DL4003's (and BuildKit's), not DL4004's.
  { rule: 'DL4004', bad: `${py}ENTRYPOINT a\nENTRYPOINT b\n`, good: `${py}CMD ["a"]\nCMD ["b"]\n` },
  {
    rule: 'DL3057',
    bad: `${py}CMD ["python"]\n`,
    good: `${py}HEALTHCHECK CMD ["true"]\n`,
    options: { enable: ['DL3057'] },
  },
  {
    rule: 'DL3020',
    bad: `${py}ADD app.py /app/\n`,
    good: `${py}ADD https://example.com/x.tgz /opt/\n`,
    fixed: `${py}COPY app.py /app/\n`,
  },
  { rule: 'DL3000', bad: `${py}WORKDIR app\n`, good: `${py}WORKDIR /app\n` },
  { rule: 'DL3045', bad: `${py}COPY app.py .\n`, good: `${py}WORKDIR /app\nCOPY app.py .\n` },
  {
    rule: 'DL3067',
    bad: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build / /\n',
  },
  { rule: 'DL3002', bad: `${py}USER app\nUSER root\n`, good: `${py}USER root\nRUN id\nUSER app\n` },
  {
    rule: 'DL3025',
    bad: `${py}CMD python app.py\n`,
    good: `${py}CMD ["python", "app.py"]\n`,
    fixed: `${py}CMD ["python", "app.py"]\n`,
  },
  {
    rule: 'CopyIgnoredFile',
    bad: `${py}COPY secrets.env /app/\n`,
    good: `${py}COPY app.py /app/\n`,
    options: { dockerignore: '*.env\n' },
  },
  {
    rule: 'JSONArgsRecommended',
    bad: `${py}ENTRYPOINT gunicorn app:app\n`,
    fixed: `${py}ENTRYPOINT ["gunicorn", "app:app"]\n`,
  },
  // hadolint's DL3025 also covers HEALTHCHECK; BuildKit's check does not.
  {
    rule: 'JSONArgsRecommended',
    bad: `${py}CMD python app.py\n`,
    good: `${py}HEALTHCHECK CMD curl -f http://localhost/\n`,
  },
  {
    rule: 'SecretsUsedInArgOrEnv',
    bad: `${py}ENV DB_PASSWORD=hunter2\n`,
    good: `${py}ENV PUBLIC_KEY=abc\n`,
  },
  // Each tool has its own list of secret-looking names.
  { rule: 'SecretsUsedInArgOrEnv', bad: `${py}ENV AUTH=x\n`, good: `${py}ENV MY_USERNAME=me\n` },
  { rule: 'DL3064', bad: `${py}ENV MY_USERNAME=me\n`, good: `${py}ENV AUTH=x\n` },
  {
    rule: 'UndefinedVar',
    bad: `${py}ENV PATH=/opt/venv/bin:$PAHT\n`,
    good: `${py}ARG APP=/app\nWORKDIR $APP\n`,
    message: /did you mean \$PATH/,
  },
  {
    rule: 'WorkdirRelativePath',
    bad: `${py}WORKDIR app\n`,
    good: `${py}WORKDIR /srv\nWORKDIR app\n`,
  },
  {
    rule: 'MultipleInstructionsDisallowed',
    bad: `${py}HEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n`,
  },
  {
    rule: 'UndefinedArgInFrom',
    bad: 'FROM python:${PY}\n',
    good: 'ARG PY=3.12\nFROM python:${PY}\n',
  },
  {
    rule: 'InvalidDefaultArgInFrom',
    bad: 'ARG TAG\nFROM python:${TAG}\n',
    good: 'ARG TAG=3.12\nFROM python:${TAG}\n',
  },
  { rule: 'RedundantTargetPlatform', bad: 'FROM --platform=${TARGETPLATFORM} python:3.12\n' },
  {
    rule: 'FromPlatformFlagConstDisallowed',
    bad: 'FROM --platform=linux/amd64 python:3.12\n',
    good: 'FROM --platform=linux/amd64 python:3.12 AS build-amd64\n',
  },
  {
    rule: 'NoEmptyContinuation',
    bad: `${py}RUN echo a \\\n\n  && echo b\n`,
    fixed: `${py}RUN echo a \\\n  && echo b\n`,
  },
  {
    rule: 'ConsistentInstructionCasing',
    bad: `${py}RUN echo a\nrun echo b\nCMD ["x"]\n`,
    fixed: `${py}RUN echo a\nRUN echo b\nCMD ["x"]\n`,
  },
  {
    rule: 'FromAsCasing',
    bad: 'FROM python:3.12 as build\n',
    good: 'from python:3.12 as build\n',
    fixed: 'FROM python:3.12 AS build\n',
  },
  {
    rule: 'StageNameCasing',
    bad: 'FROM python:3.12 AS Build\n',
    fixed: 'FROM python:3.12 AS build\n',
  },
  {
    rule: 'LegacyKeyValueFormat',
    bad: `${py}ENV MODE production\n`,
    good: `${py}ENV MODE=production\n`,
    fixed: `${py}ENV MODE=production\n`,
  },
  {
    rule: 'MaintainerDeprecated',
    bad: `${py}MAINTAINER me@example.com\n`,
    fixed: `${py}LABEL org.opencontainers.image.authors="me@example.com"\n`,
  },
  { rule: 'DuplicateStageName', bad: 'FROM python:3.12 AS x\nFROM python:3.13 AS X\n' },
  {
    rule: 'ReservedStageName',
    bad: 'FROM python:3.12 AS context\n',
    good: 'FROM python:3.12 AS app\n',
  },
  { rule: 'ExposeProtoCasing', bad: `${py}EXPOSE 80/TCP\n`, fixed: `${py}EXPOSE 80/tcp\n` },
  { rule: 'ExposeInvalidFormat', bad: `${py}EXPOSE 8080:80\n`, good: `${py}EXPOSE 80\n` },
  { rule: 'DS002', bad: `${py}CMD ["python"]\n`, good: `${py}USER app\nCMD ["python"]\n` },
  // Trivy looks at the final stage only.
  {
    rule: 'DS002',
    bad: `${py}USER root\n`,
    good: `FROM python:3.12 AS build\nUSER root\n${py}USER app\n`,
  },
  { rule: 'DS005', bad: `${py}ADD app.py /app/\n` },
  { rule: 'DS013', bad: `${py}RUN cd /tmp && ls\n` },
  {
    rule: 'DS017',
    bad: `${deb}RUN apt-get update\nRUN apt-get install -y curl=1\n`,
    good: `${deb}RUN apt-get update && apt-get install -y curl=1\n`,
  },
  { rule: 'DS017', bad: `${deb}RUN apt-get update && echo done\n` },
  { rule: 'DS031', bad: `${py}COPY id_rsa /root/.ssh/id_rsa\n`, good: `${py}COPY app.py /app/\n` },
  {
    rule: 'DS031',
    bad: `${py}ARG GITHUB_TOKEN\n`,
    good: `FROM python:3.12 AS build\nARG GITHUB_TOKEN\n${py}CMD ["python"]\n`,
  },
  {
    rule: 'SBX001',
    bad: `${py}WORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n`,
    good: `${py}WORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-cache-dir --no-deps .\n`,
    fixed: `${py}WORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n`,
  },
  {
    rule: 'SBX001',
    bad: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    fixed:
      'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    options: { files: ['package.json', 'package-lock.json', 'index.js'] },
  },
  {
    rule: 'SBX002',
    bad: `${py}COPY . /app/\n`,
    good: `${py}COPY . /app/\n`,
    options: { dockerignore: null },
    goodOptions: { dockerignore: '.git\n.venv\n__pycache__\n*.log\nDockerfile\n' },
  },
  {
    rule: 'SBX002',
    bad: `${py}COPY . /app/\n`,
    good: `${py}COPY src/ /app/\n`,
    options: { dockerignore: '.git\n' },
    message: /\.venv, __pycache__, \*\.log, Dockerfile/,
  },
  {
    rule: 'SBX003',
    bad: `${py}ARG GIT_SHA\nRUN pip install --no-cache-dir flask==3.0.3\nLABEL revision=$GIT_SHA\n`,
    good: `${py}RUN pip install --no-cache-dir flask==3.0.3\nARG GIT_SHA\nLABEL revision=$GIT_SHA\n`,
    fixed: `${py}RUN pip install --no-cache-dir flask==3.0.3\nARG GIT_SHA\nLABEL revision=$GIT_SHA\n`,
  },
  {
    rule: 'SBX004',
    bad: `${py}ARG BUILD_DATE\nLABEL created=$BUILD_DATE\nCOPY app.py /app/\nCMD ["python"]\n`,
    good: `${py}COPY app.py /app/\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\n`,
    fixed: `${py}ARG BUILD_DATE\nCOPY app.py /app/\nCMD ["python"]\nLABEL created=$BUILD_DATE\n`,
  },
  {
    rule: 'SBX005',
    bad: `${deb}RUN apt-get update\nRUN apt-get install -y curl=1\n`,
    good: `${deb}RUN apt-get update && apt-get install -y curl=1\n`,
    fixed: `${deb}RUN apt-get update \\\n    && apt-get install -y curl=1 \\\n    && rm -rf /var/lib/apt/lists/*\n`,
  },
  // Our SBX005 is for an update alone in its RUN; Trivy's DS017 also flags one with other commands.
  {
    rule: 'SBX005',
    bad: `${deb}RUN apk update\n`,
    good: `${deb}RUN apt-get update && echo done\n`,
  },
  {
    rule: 'SBX006',
    bad: `${py}RUN pip install --no-cache-dir -r requirements.txt\n`,
    good: `${py}RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n`,
    fixed: `${py}RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n`,
  },
  {
    rule: 'SBX007',
    bad: `${py}RUN apt-get install -y build-essential=12.9\nCMD ["python"]\n`,
    good: `FROM python:3.12 AS build\nRUN apt-get install -y build-essential=12.9\n${py}CMD ["python"]\n`,
  },
  {
    rule: 'SBX008',
    bad: `${py}WORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`,
    good: `${py}COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n`,
    fixed: `${py}WORKDIR /app\nRUN --mount=type=bind,source=requirements.txt,target=/app/requirements.txt pip install --no-cache-dir -r requirements.txt\n`,
  },
  {
    rule: 'SBX009',
    bad: `${py}COPY big.tar /tmp/big.tar\nRUN rm -f /tmp/big.tar\n`,
    good: `${py}RUN curl -o /tmp/x https://a/x && rm -f /tmp/x\n`,
  },
  {
    rule: 'SBX010',
    bad: 'FROM python:3.12 AS build\nRUN echo > /out\nFROM python:3.12-slim\nCOPY app.py /app/\nCOPY --from=build /out /out\n',
    good: 'FROM python:3.12 AS build\nRUN echo > /out\nFROM python:3.12-slim\nCOPY --from=build /out /out\nCOPY app.py /app/\n',
    fixed:
      'FROM python:3.12 AS build\nRUN echo > /out\nFROM python:3.12-slim\nCOPY app.py /app/\nCOPY --link --from=build /out /out\n',
  },
];

/** Findings reported under `rule`, whether as their id or as another tool's id for them. */
function findingsOf(text: string, rule: string, options: LintOptions = {}): LintFinding[] {
  const result = lint(text, options);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.findings.filter((f) => f.rule === rule || f.alsoKnownAs.includes(rule));
}

describe('lint rules', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('%s', (rule, c) => {
    const found = findingsOf(c.bad, rule, c.options);
    expect(found.length).toBeGreaterThan(0);
    const first = found[0] as LintFinding;
    if (c.message) expect(first.message).toMatch(c.message);
    expect(first.explanation.length).toBeGreaterThan(20);
    if (c.good !== undefined)
      expect(findingsOf(c.good, rule, c.goodOptions ?? c.options)).toEqual([]);
    if (c.fixed !== undefined) {
      expect(first.fix.kind).toBe('edit');
      expect(applyFix(c.bad, first)).toBe(c.fixed);
    }
    if (first.fix.kind === 'edit')
      expect(findingsOf(applyFix(c.bad, first), rule, c.options)).toEqual([]);
  });

  it("covers every rule in the rule table, and every other tool's id for one", () => {
    const tested = new Set(cases.map((c) => c.rule));
    const ids = lintRules.flatMap((r) => [r.id, ...(r.aliases ?? []).map((a) => a.id)]);
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
  });

  it('reports the same problem once when several tools check it', () => {
    const result = lint(`${py}RUN cd /app && make\n`);
    const cd = result.ok
      ? result.findings.filter((f) => f.line === 2 && ['DL3003', 'DS013'].includes(f.rule))
      : [];
    expect(cd.map((f) => [f.rule, f.alsoKnownAs])).toEqual([['DL3003', ['DS013']]]);
    const update = lint(`${deb}RUN apt-get update\nRUN apt-get install -y curl=1\n`);
    const merged = update.ok ? update.findings.find((f) => f.rule === 'SBX005') : undefined;
    expect(merged?.alsoKnownAs).toEqual(['DS017', 'KICS 9bae49be-0aa3-4de5-bab2-4c3a069e40cd']);
  });

  it('keeps DL3009 to stages that end up in an image', () => {
    const text = `FROM debian:12 AS tools\nRUN apt-get update && apt-get install -y curl=1\nFROM python:3.12-slim\nCOPY --from=tools /usr/bin/curl /usr/bin/\n`;
    expect(findingsOf(text, 'DL3009')).toEqual([]);
  });

  it('applies fixes to CRLF text and keeps its line endings', () => {
    const text = `${py}RUN pip install flask==3\r\nCMD ["x"]\r\n`
      .replace(/\n/g, '\r\n')
      .replace(/\r\r/g, '\r');
    const [finding] = findingsOf(text, 'DL3042');
    expect(finding && applyFix(text, finding)).toBe(
      'FROM python:3.12-slim\r\nRUN pip install --no-cache-dir flask==3\r\nCMD ["x"]\r\n',
    );
  });

  it('reports parse errors instead of findings', () => {
    expect(lint('FROM a\nCOPY x\n')).toEqual({
      ok: false,
      errors: ['line 2: COPY needs at least a source and a destination'],
    });
  });

  it('never throws on Dockerfile-shaped input, and every mechanical fix yields parseable text', () => {
    const line = fc.constantFrom(
      'FROM python:3.12-slim',
      'FROM python AS Build',
      'RUN apt-get update',
      'RUN apt-get install curl',
      'RUN pip install flask',
      'COPY . .',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'CMD python app.py',
      'ENV A 1',
      'ARG GIT_SHA',
      'LABEL v=$GIT_SHA',
      'WORKDIR app',
      'USER root',
      'RUN cd / && wget -O- x | sh',
      'RUN echo a \\',
      'ADD x.py /',
      'MAINTAINER me',
      'EXPOSE 80/TCP',
      'run echo b',
      '',
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 14 }), (lines) => {
        const text = `FROM python:3.12-slim\n${lines.join('\n')}\n`;
        const result = lint(text, { dockerignore: null, files: ['requirements.txt', 'app.py'] });
        if (!result.ok) return;
        for (const finding of result.findings) {
          if (finding.fix.kind !== 'edit') continue;
          const fixed = applyFix(text, finding);
          expect(typeof fixed).toBe('string');
          expect(lint(fixed).ok || lint(text).ok === false).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
