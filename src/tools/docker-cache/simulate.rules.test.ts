/**
 * One small case per rule of docker-cache.md, named after its id. Expectations come from the
 * spec's sentences, not from running the simulator.
 */
import { describe, expect, it } from 'vitest';
import { scenarioBuilds } from './build/input';
import { runBuild } from './build';
import { emptyCache } from './build/cache-store';
import { scenarioSchema, type Scenario } from './scenario';
import { simulate, type SimulateOptions } from './simulate';

type Input = Partial<Scenario> & { dockerfile: string };

function scenario(input: Input): Scenario {
  return scenarioSchema.parse({ files_before: {}, ...input });
}

function run(input: Input, options: SimulateOptions = {}) {
  const result = simulate(scenario(input), options);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

function statuses(input: Input, options: SimulateOptions = {}): string[] {
  return run(input, options).steps.map((s) => s.status);
}

const both = (input: Input) => ({
  buildkit: statuses(input, { builder: 'buildkit' }),
  classic: statuses(input, { builder: 'classic' }),
});

const py = 'FROM python:3.12-slim\n';
const files = { 'requirements.txt': 'flask==3.0.3\n', 'src/app.py': 'print(1)\n' };
const edited = { ...files, 'src/app.py': 'print(2)\n' };

describe('docker-cache rules', () => {
  it('R-STORE: the cache keeps every earlier result, so reverting an edit hits again', () => {
    const dockerfile = `${py}COPY src/ /src/\nRUN python /src/app.py\n`;
    const cache = emptyCache();
    const v1 = scenarioBuilds(scenario({ dockerfile, files_before: files })).before;
    const v2 = scenarioBuilds(scenario({ dockerfile, files_before: edited })).before;
    const statusesOf = (input: typeof v1) => {
      const result = runBuild(input, cache, { builder: 'buildkit' });
      if (!result.ok) throw new Error(result.errors.join());
      return result.records.map((r) => r.status);
    };
    expect(statusesOf(v1)).toEqual(['miss', 'miss', 'miss']);
    expect(statusesOf(v2)).toEqual(['hit', 'miss', 'miss']);
    expect(statusesOf(v1)).toEqual(['hit', 'hit', 'hit']);
    // A different builder instance has its own cache.
    const fresh = runBuild(v1, emptyCache(), { builder: 'buildkit' });
    expect(fresh.ok && fresh.records.map((r) => r.status)).toEqual(['miss', 'miss', 'miss']);
  });

  it('R-CHAIN: a miss cascades through later steps of its stage only', () => {
    const dockerfile =
      'FROM python:3.12-slim AS other\nRUN echo three > /three\n' +
      `${py}COPY src/ /src/\nRUN echo one\nLABEL a=b\nRUN echo two\nCOPY --from=other /three /three\n`;
    expect(both({ dockerfile, files_before: files, files_after: edited })).toEqual({
      buildkit: ['hit', 'hit', 'hit', 'miss', 'miss', 'meta', 'miss', 'miss'],
      classic: ['hit', 'hit', 'hit', 'miss', 'miss', 'miss', 'miss', 'miss'],
    });
    const reasons = run({ dockerfile, files_before: files, files_after: edited }).steps.map(
      (s) => s.reason,
    );
    expect(reasons[4]).toBe('miss: the layer it builds on was rebuilt (line 4)');
  });

  it('R-RUN-TEXT: RUN is keyed on its command text, not on time or effects', () => {
    const dockerfile = `${py}RUN apt-get update\nRUN pip install flask\n`;
    expect(both({ dockerfile })).toEqual({
      buildkit: ['hit', 'hit', 'hit'],
      classic: ['hit', 'hit', 'hit'],
    });
    const spaced = `${py}RUN apt-get  update\nRUN pip install flask\n`;
    expect(statuses({ dockerfile, dockerfile_after: spaced })).toEqual(['hit', 'miss', 'miss']);
    const exec = `${py}RUN ["apt-get", "update"]\nRUN pip install flask\n`;
    expect(statuses({ dockerfile, dockerfile_after: exec })).toEqual(['hit', 'miss', 'miss']);
  });

  it('R-RUN-ENV: RUN sees the ordered env, so swapping two ENV lines misses; COPY does not', () => {
    const dockerfile = `${py}ENV A=1\nENV B=2\nCOPY src/ /src/\nRUN echo hi\n`;
    const swapped = `${py}ENV B=2\nENV A=1\nCOPY src/ /src/\nRUN echo hi\n`;
    const result = run({ dockerfile, dockerfile_after: swapped, files_before: files });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'meta', 'meta', 'hit', 'miss']);
    expect(result.steps[4]?.reason).toMatch(/reordered/);
  });

  it('R-RUN-META: USER and SHELL reach RUN (and USER reaches WORKDIR), not a COPY without --chown', () => {
    const dockerfile = `${py}USER root\nCOPY src/ /src/\nWORKDIR /app\nRUN echo hi\n`;
    const user = `${py}USER app\nCOPY src/ /src/\nWORKDIR /app\nRUN echo hi\n`;
    expect(statuses({ dockerfile, dockerfile_after: user, files_before: files })).toEqual([
      'hit',
      'meta',
      'hit',
      'miss',
      'miss',
    ]);
    const shell = `${py}SHELL ["/bin/bash", "-c"]\nRUN ["echo", "exec"]\nRUN echo shell\n`;
    const before = `${py}RUN ["echo", "exec"]\nRUN echo shell\n`;
    const result = run({ dockerfile: before, dockerfile_after: shell });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'meta', 'hit', 'miss']);
    expect(result.steps[3]?.reason).toMatch(/SHELL changed/);
    const network = `${py}RUN --network=none echo hi\n`;
    expect(statuses({ dockerfile: `${py}RUN echo hi\n`, dockerfile_after: network })).toEqual([
      'hit',
      'miss',
    ]);
  });

  it('R-PARSE: comments, blank lines, keyword case and moved lines keep the key; re-wrapping and inline # do not', () => {
    const dockerfile = `${py}RUN a && b\nRUN c\n`;
    const cosmetic = `# syntax=docker/dockerfile:1\n\n${py}\n# comment\nrun   a && b  \n\nRUN c\n`;
    expect(both({ dockerfile, dockerfile_after: cosmetic })).toEqual({
      buildkit: ['hit', 'hit', 'hit'],
      classic: ['hit', 'hit', 'hit'],
    });
    const continued = `${py}RUN a \\\n    # explain\n    && b\nRUN c\n`;
    const rewrapBase = `${py}RUN a \\\n    && b\nRUN c\n`;
    expect(statuses({ dockerfile: rewrapBase, dockerfile_after: continued })).toEqual([
      'hit',
      'hit',
      'hit',
    ]);
    expect(statuses({ dockerfile, dockerfile_after: rewrapBase })).toEqual(['hit', 'miss', 'miss']);
    const inline = `${py}RUN a && b # why\nRUN c\n`;
    expect(statuses({ dockerfile, dockerfile_after: inline })).toEqual(['hit', 'miss', 'miss']);
  });

  it('R-ARG-SCOPE: a changed build arg misses at the first RUN after its ARG, not before, not in COPY', () => {
    const dockerfile = `${py}RUN echo before\nARG V=1\nCOPY src/ /src/\nRUN echo unrelated\n`;
    const input = {
      dockerfile,
      files_before: files,
      build_args_before: { V: 'a' },
      build_args_after: { V: 'b' },
    };
    expect(both(input)).toEqual({
      buildkit: ['hit', 'hit', 'meta', 'hit', 'miss'],
      classic: ['hit', 'hit', 'hit', 'hit', 'miss'],
    });
    expect(run(input).steps[4]?.reason).toMatch(/build arg V changed \(a → b\)/);
    expect(run(input, { builder: 'classic' }).steps[4]?.reason).toBe(
      'miss: build arg V changed (a → b); the classic builder adds build args to the RUN it looks up',
    );
    // COPY that expands the ARG does miss.
    const expanding = `${py}ARG SRC=src\nCOPY \${SRC}/ /src/\n`;
    const filesBoth = { ...files, 'lib/x.py': 'x\n' };
    expect(
      statuses({
        dockerfile: expanding,
        files_before: filesBoth,
        build_args_after: { SRC: 'lib' },
      }),
    ).toEqual(['hit', 'meta', 'miss']);
    // ENV NAME=const after ARG NAME overrides it.
    const overridden = `${py}ARG V\nENV V=const\nRUN echo $V\n`;
    expect(
      both({ dockerfile: overridden, build_args_before: { V: 'a' }, build_args_after: { V: 'b' } }),
    ).toEqual({
      buildkit: ['hit', 'meta', 'meta', 'hit'],
      classic: ['hit', 'hit', 'hit', 'hit'],
    });
    // A meta ARG reaches a stage only when the stage re-declares it.
    const meta = `ARG V=1\n${py}RUN echo plain\n`;
    const redeclared = `ARG V=1\n${py}ARG V\nRUN echo plain\n`;
    const args = { build_args_before: { V: 'a' }, build_args_after: { V: 'b' } };
    expect(statuses({ dockerfile: meta, ...args })).toEqual(['meta', 'hit', 'hit']);
    expect(statuses({ dockerfile: redeclared, ...args })).toEqual(['meta', 'hit', 'meta', 'miss']);
    // A build arg with no matching ARG has no effect; editing the default misses the classic ARG line.
    expect(statuses({ dockerfile: `${py}RUN echo\n`, ...args })).toEqual(['hit', 'hit']);
    expect(
      statuses(
        { dockerfile: `${py}ARG V=1\nRUN echo\n`, dockerfile_after: `${py}ARG V=2\nRUN echo\n` },
        { builder: 'classic' },
      ),
    ).toEqual(['hit', 'miss', 'miss']);
  });

  it('R-ARG-PROXY: proxy build args never invalidate unless declared with ARG', () => {
    const args = {
      build_args_before: { HTTP_PROXY: 'http://a' },
      build_args_after: { HTTP_PROXY: 'http://b' },
    };
    expect(both({ dockerfile: `${py}RUN pip install flask==3.0.3\n`, ...args })).toEqual({
      buildkit: ['hit', 'hit'],
      classic: ['hit', 'hit'],
    });
    expect(
      both({ dockerfile: `${py}ARG HTTP_PROXY\nRUN pip install flask==3.0.3\n`, ...args }),
    ).toEqual({
      buildkit: ['hit', 'meta', 'miss'],
      classic: ['hit', 'hit', 'miss'],
    });
  });

  it('R-ENV: ENV is state in BuildKit (later RUNs miss) and a probed commit in the classic builder', () => {
    const dockerfile = `${py}ENV MODE=a\nCOPY src/ /src/\nRUN echo $MODE\n`;
    const after = `${py}ENV MODE=b\nCOPY src/ /src/\nRUN echo $MODE\n`;
    expect(both({ dockerfile, dockerfile_after: after, files_before: files })).toEqual({
      buildkit: ['hit', 'meta', 'hit', 'miss'],
      classic: ['hit', 'miss', 'miss', 'miss'],
    });
  });

  it('R-META: config-only instructions never invalidate in BuildKit; the classic builder probes them', () => {
    const dockerfile = `${py}LABEL a=1\nEXPOSE 80\nRUN echo hi\nCMD ["x"]\n`;
    const reordered = `${py}EXPOSE 80\nLABEL a=2\nRUN echo hi\nCMD ["y"]\n`;
    expect(both({ dockerfile, dockerfile_after: reordered })).toEqual({
      buildkit: ['hit', 'meta', 'meta', 'hit', 'meta'],
      classic: ['hit', 'miss', 'miss', 'miss', 'miss'],
    });
  });

  it('R-WORKDIR: WORKDIR is a step keyed on its path (and owner); WORKDIR / is not a step in BuildKit', () => {
    const dockerfile = `${py}WORKDIR /app\nCOPY src/ src/\n`;
    const moved = `${py}WORKDIR /srv\nCOPY src/ src/\n`;
    const result = run({ dockerfile, dockerfile_after: moved, files_before: files });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'miss', 'miss']);
    expect(result.steps[1]?.reason).toMatch(/\/app → \/srv/);
    expect(statuses({ dockerfile: `${py}WORKDIR /\nRUN echo\n` })).toEqual(['hit', 'meta', 'hit']);
  });

  it('R-COPY-SUM: content and mode count, mtime does not; renames count', () => {
    const dockerfile = `${py}COPY src/ /src/\n`;
    expect(statuses({ dockerfile, files_before: files, touched_after: ['src/app.py'] })).toEqual([
      'hit',
      'hit',
    ]);
    expect(
      run({ dockerfile, files_before: files, touched_after: ['src/app.py'] }).steps[1]?.reason,
    ).toMatch(/only touched/);
    expect(
      statuses({ dockerfile, files_before: files, file_modes_after: { 'src/app.py': '0755' } }),
    ).toEqual(['hit', 'miss']);
    const renamed = {
      'requirements.txt': files['requirements.txt'],
      'src/main.py': files['src/app.py'],
    };
    expect(statuses({ dockerfile, files_before: files, files_after: renamed })).toEqual([
      'hit',
      'miss',
    ]);
  });

  it('R-COPY-SELECT: only the selected paths are checksummed (testCopyWildcardCache)', () => {
    const dockerfile = `${py}COPY foo* /dst/\n`;
    const before = { foo1: 'a', foo2: 'b', bar: 'c' };
    expect(
      statuses({ dockerfile, files_before: before, files_after: { ...before, bar: 'changed' } }),
    ).toEqual(['hit', 'hit']);
    expect(
      statuses({ dockerfile, files_before: before, files_after: { ...before, foo2: 'changed' } }),
    ).toEqual(['hit', 'miss']);
  });

  it('R-IGNORE: ignored files never reach the checksum; editing .dockerignore can', () => {
    const dockerfile = `${py}COPY . /app/\n`;
    const base = { dockerfile, dockerignore: '*.log\n', files_before: { ...files, 'a.log': '1' } };
    expect(statuses({ ...base, files_after: { ...files, 'a.log': '2', 'b.log': 'new' } })).toEqual([
      'hit',
      'hit',
    ]);
    const result = run({ ...base, dockerignore_after: '' });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'miss']);
    expect(result.steps[1]?.reason).toMatch(/\.dockerignore/);
  });

  it('R-CTX-SELF: the Dockerfile is a context file, so any edit to it busts COPY . .', () => {
    const dockerfile = `${py}COPY . /app/\nRUN echo hi\n`;
    const commented = `${py}# a comment\nCOPY . /app/\nRUN echo hi\n`;
    const result = run({ dockerfile, dockerfile_after: commented, files_before: files });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'miss', 'miss']);
    expect(result.steps[1]?.reason).toMatch(/the Dockerfile changed and COPY \. \/app\/ reads it/);
    // Excluding it from the context removes the effect.
    expect(
      statuses({
        dockerfile,
        dockerfile_after: commented,
        dockerignore: 'Dockerfile\n',
        files_before: files,
      }),
    ).toEqual(['hit', 'hit', 'hit']);
  });

  it('R-CTX-SELF: a COPY of other files stays cached and says why', () => {
    const dockerfile = `${py}COPY requirements.txt /app/\n`;
    const result = run({
      dockerfile,
      dockerfile_after: `${py}# note\nCOPY requirements.txt /app/\n`,
      files_before: files,
    });
    expect(result.steps[1]?.reason).toBe(
      'hit: the Dockerfile changed, but COPY requirements.txt /app/ does not read it',
    );
  });

  it('R-FROM: the base is keyed by digest; a moved tag counts once it is pulled', () => {
    const dockerfile = `${py}RUN echo hi\n`;
    const moved = {
      dockerfile,
      base_images_before: { 'python:3.12-slim': 'sha256:aaa' },
      base_images_after: { 'python:3.12-slim': 'sha256:bbb' },
    };
    expect(statuses(moved)).toEqual(['hit', 'hit']);
    expect(statuses({ ...moved, build_flags_after: ['--pull'] })).toEqual(['miss', 'miss']);
    expect(statuses(moved, { baseImageRefresh: 'always' })).toEqual(['miss', 'miss']);
    expect(statuses({ ...moved, build_flags_after: ['--no-cache'] })).toEqual(['hit', 'miss']);
    expect(
      statuses({ dockerfile, dockerfile_after: 'FROM python:3.13-slim\nRUN echo hi\n' }),
    ).toEqual(['miss', 'miss']);
    const pinned = 'FROM python@sha256:111\nRUN echo hi\n';
    expect(
      statuses({ dockerfile: pinned, dockerfile_after: 'FROM python@sha256:222\nRUN echo hi\n' }),
    ).toEqual(['miss', 'miss']);
  });

  it('R-STAGE-GRAPH: BuildKit builds what the target reaches; classic builds every stage up to it', () => {
    const dockerfile = `FROM alpine AS a\nRUN echo a\nFROM alpine AS b\nRUN echo b\nFROM a AS c\nRUN echo c\n`;
    const buildkit = run({ dockerfile, target: 'c' });
    expect(buildkit.stages_built).toEqual(['a', 'c']);
    expect(buildkit.steps.map((s) => s.status)).toEqual([
      'hit',
      'hit',
      'skipped',
      'skipped',
      'hit',
      'hit',
    ]);
    const classic = run({ dockerfile, target: 'b' }, { builder: 'classic' });
    expect(classic.stages_built).toEqual(['a', 'b']);
    expect(classic.steps.map((s) => s.status)).toEqual([
      'hit',
      'hit',
      'hit',
      'hit',
      'skipped',
      'skipped',
    ]);
  });

  it('R-COPY-FROM: COPY --from is keyed on the copied content, not on whether the stage re-ran', () => {
    const dockerfile =
      'FROM golang:1.22 AS build\nCOPY . /src/\nRUN go build -o /out/app /src\nFROM alpine\nCOPY --from=build /out/app /app\n';
    const input = {
      dockerfile,
      files_before: { 'main.go': 'v1', 'README.md': 'a' },
      files_after: { 'main.go': 'v1', 'README.md': 'b' },
    };
    expect(statuses(input)).toEqual(['hit', 'miss', 'miss', 'hit', 'miss']);
    expect(statuses({ ...input, reproducible_outputs: ['build:/out/app'] })).toEqual([
      'hit',
      'miss',
      'miss',
      'hit',
      'hit',
    ]);
    expect(
      statuses({ ...input, reproducible_outputs: ['build:/out/app'] }, { builder: 'classic' }),
    ).toEqual(['hit', 'miss', 'miss', 'hit', 'hit']);
  });

  it('R-ADD-URL: ADD <url> is keyed on the content served, checked on every build', () => {
    const dockerfile = `${py}ADD https://example.com/tool.tgz /opt/\nRUN echo hi\n`;
    const remote = { 'https://example.com/tool.tgz': 'v1' };
    expect(both({ dockerfile, remote_before: remote })).toEqual({
      buildkit: ['hit', 'hit', 'hit'],
      classic: ['hit', 'hit', 'hit'],
    });
    expect(
      statuses({
        dockerfile,
        remote_before: remote,
        remote_after: { 'https://example.com/tool.tgz': 'v2' },
      }),
    ).toEqual(['hit', 'miss', 'miss']);
  });

  it('R-MOUNT-CACHE: cache contents never count, the mount spec does (but not its id); warm mounts are cheaper', () => {
    const plain = `${py}COPY requirements.txt .\nRUN pip install -r requirements.txt\n`;
    const mounted = `${py}COPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n`;
    const renamed = `${py}COPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip,id=pip pip install -r requirements.txt\n`;
    expect(statuses({ dockerfile: plain, dockerfile_after: mounted, files_before: files })).toEqual(
      ['hit', 'hit', 'miss'],
    );
    expect(
      statuses({ dockerfile: mounted, dockerfile_after: renamed, files_before: files }),
    ).toEqual(['hit', 'hit', 'hit']);
    const changed = { ...files, 'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n' };
    const warm = run({ dockerfile: mounted, files_before: files, files_after: changed }).steps[2];
    const cold = run({ dockerfile: plain, files_before: files, files_after: changed }).steps[2];
    expect(warm?.status).toBe('miss');
    expect(warm?.estimate.seconds).toBeLessThan(cold?.estimate.seconds ?? 0);
    const noCache = run({
      dockerfile: mounted,
      files_before: files,
      files_after: changed,
      build_flags_after: ['--no-cache'],
    });
    expect(noCache.steps[2]?.estimate.seconds).toBe(cold?.estimate.seconds);
  });

  it('R-MOUNT-CACHE: a cache mount added in this build starts empty', () => {
    const plain = `${py}COPY requirements.txt .\nRUN pip install -r requirements.txt\n`;
    const mounted = `${py}COPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n`;
    const added = run({ dockerfile: plain, dockerfile_after: mounted, files_before: files })
      .steps[2];
    const kept = run({
      dockerfile: mounted,
      dockerfile_after: mounted.replace('-r', '--quiet -r'),
      files_before: files,
    }).steps[2];
    expect(added?.status).toBe('miss');
    expect(kept?.status).toBe('miss');
    expect(kept?.estimate.seconds).toBeLessThan(added?.estimate.seconds ?? 0);
  });

  it('ONBUILD triggers of a base stage run at the FROM of the stage built on it', () => {
    const dockerfile =
      'FROM python:3.12-slim AS base\nONBUILD COPY src/ /src/\nFROM base\nRUN echo hi\n';
    const result = run({ dockerfile, files_before: files, files_after: edited });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'meta', 'miss', 'miss']);
    expect(result.steps[2]?.reason).toMatch(/ONBUILD trigger `COPY src\/ \/src\/`/);
    expect(statuses({ dockerfile, files_before: files })).toEqual(['hit', 'meta', 'hit', 'hit']);
  });

  it('R-MOUNT-BIND: a bind mount is content-hashed like COPY and needs BuildKit', () => {
    const dockerfile = `${py}RUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n`;
    expect(statuses({ dockerfile, files_before: files, files_after: edited })).toEqual([
      'hit',
      'hit',
    ]);
    const changed = { ...files, 'requirements.txt': 'flask==3.1.0\n' };
    const result = run({ dockerfile, files_before: files, files_after: changed });
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'miss']);
    expect(result.steps[1]?.reason).toMatch(/requirements\.txt changed/);
    const classic = simulate(scenario({ dockerfile, files_before: files }), { builder: 'classic' });
    expect(classic.ok === false && classic.needs_buildkit).toBe(true);
  });

  it('R-NOCACHE: --no-cache re-runs RUN/COPY/ADD (FROM and a leading WORKDIR stay cached); classic misses all', () => {
    const dockerfile = `${py}WORKDIR /app\nCOPY src/ src/\nENV A=1\nRUN echo hi\n`;
    expect(both({ dockerfile, files_before: files, build_flags_after: ['--no-cache'] })).toEqual({
      buildkit: ['hit', 'hit', 'miss', 'meta', 'miss'],
      classic: ['hit', 'miss', 'miss', 'miss', 'miss'],
    });
    const stages =
      'FROM alpine AS s0\nRUN echo 0\nFROM alpine AS s1\nCOPY --from=s0 /etc/os-release /x\nRUN echo 1\n';
    const classic = run(
      { dockerfile: stages, build_flags_after: ['--no-cache-filter=s1'] },
      { builder: 'classic' },
    );
    expect(classic.steps.map((s) => s.status)).toEqual(['hit', 'hit', 'hit', 'hit', 'hit']);
    expect(classic.warnings).toEqual([
      'the classic builder has no --no-cache-filter; it is ignored',
    ]);
    expect(statuses({ dockerfile: stages, build_flags_after: ['--no-cache-filter=s1'] })).toEqual([
      'hit',
      'hit',
      'hit',
      'miss',
      'miss',
    ]);
  });

  it('R-LINK: COPY --link keeps its cache when earlier layers change; the steps after it do not', () => {
    const dockerfile = `${py}RUN echo base\nCOPY --link src/ /src/\nRUN echo after\n`;
    const changedBase = `${py}RUN echo base v2\nCOPY --link src/ /src/\nRUN echo after\n`;
    expect(statuses({ dockerfile, dockerfile_after: changedBase, files_before: files })).toEqual([
      'hit',
      'miss',
      'hit',
      'miss',
    ]);
    const chmod = `${py}RUN echo base\nCOPY --link --chmod=644 src/ /src/\n`;
    const chmodChanged = `${py}RUN echo base v2\nCOPY --link --chmod=644 src/ /src/\n`;
    expect(
      statuses({ dockerfile: chmod, dockerfile_after: chmodChanged, files_before: files }),
    ).toEqual(['hit', 'miss', 'miss']);
  });

  it('R-EPOCH: changing SOURCE_DATE_EPOCH invalidates BuildKit WORKDIR steps', () => {
    const input = {
      dockerfile: `${py}WORKDIR /app\nRUN echo hi\n`,
      build_args_before: { SOURCE_DATE_EPOCH: '0' },
      build_args_after: { SOURCE_DATE_EPOCH: '1700000000' },
    };
    expect(both(input)).toEqual({
      buildkit: ['hit', 'miss', 'miss'],
      classic: ['hit', 'hit', 'hit'],
    });
  });

  it('heredoc bodies are part of the key (BuildKit only)', () => {
    const dockerfile = `${py}RUN <<EOF\necho one\nEOF\n`;
    expect(statuses({ dockerfile, dockerfile_after: `${py}RUN <<EOF\necho two\nEOF\n` })).toEqual([
      'hit',
      'miss',
    ]);
    const classic = simulate(scenario({ dockerfile }), { builder: 'classic' });
    expect(classic.ok).toBe(false);
  });

  it('first-build mode: every step runs on a cold cache', () => {
    const result = run(
      { dockerfile: `${py}WORKDIR /app\nCOPY src/ src/\nCMD ["x"]\n`, files_before: files },
      { mode: 'first-build' },
    );
    expect(result.steps.map((s) => s.status)).toEqual(['miss', 'miss', 'miss', 'meta']);
    expect(result.steps[2]?.reason).toBe('miss: first build, nothing is cached yet');
  });

  it('a missing COPY source stops the build with a reason that names it', () => {
    const result = run({ dockerfile: `${py}COPY missing.txt .\nRUN echo\n`, files_before: files });
    expect(result.failure?.line).toBe(2);
    expect(result.steps.map((s) => s.status)).toEqual(['hit', 'miss', 'skipped']);
    expect(result.steps[1]?.reason).toMatch(/missing\.txt is not in the build context/);
  });
});
