/** Properties of the simulator on generated and hostile input: it answers, and answers consistently. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDockerfile } from './parse';
import { scenarioSchema, type Scenario } from './scenario';
import { simulate } from './simulate';

const instruction = fc.constantFrom(
  'RUN echo hi',
  'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
  'RUN --mount=type=bind,source=requirements.txt,target=/r.txt cat /r.txt',
  'COPY . .',
  'COPY src/ /src/',
  'COPY --link src/ /src/',
  'COPY --from=s0 /etc/os-release /x',
  'COPY requirements.txt .',
  'ADD https://example.com/a.txt /a.txt',
  'ENV A=1',
  'ENV B=$A',
  'ARG V',
  'ARG GIT_SHA=unknown',
  'WORKDIR /app',
  'WORKDIR sub',
  'USER nobody',
  'SHELL ["/bin/bash", "-c"]',
  'LABEL v=$GIT_SHA',
  'CMD ["python"]',
  'ONBUILD RUN echo later',
  'EXPOSE 80',
  'RUN <<EOF\necho heredoc\nEOF',
);
const stageHead = fc.constantFrom('python:3.12-slim', 'previous', 'alpine:3.20', 'scratch');
// Stage i is named s<i>; "previous" builds FROM the stage before it, and COPY --from names s0.
const dockerfile = fc
  .array(fc.tuple(stageHead, fc.array(instruction, { maxLength: 6 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map(
    (stages) =>
      stages
        .map(([head, body], i) => {
          const base = head === 'previous' ? (i === 0 ? 'python:3.12' : `s${i - 1}`) : head;
          return `FROM ${base} AS s${i}\n${body.join('\n')}`;
        })
        .join('\n') + '\n',
  );
const files = fc.dictionary(
  fc.constantFrom('requirements.txt', 'src/app.py', 'src/lib/x.py', 'README.md', 'app.log'),
  fc.string({ maxLength: 8 }),
);
const scenarioArb = fc.record({
  dockerfile,
  dockerignore: fc.option(fc.constantFrom('*.log\n', '', 'src/lib\n!src/lib/x.py\n'), {
    nil: undefined,
  }),
  files_before: files,
  files_after: fc.option(files, { nil: undefined }),
  build_args_before: fc.option(
    fc.dictionary(fc.constantFrom('V', 'GIT_SHA', 'HTTP_PROXY'), fc.string({ maxLength: 3 })),
    { nil: undefined },
  ),
  build_args_after: fc.option(
    fc.dictionary(fc.constantFrom('V', 'GIT_SHA'), fc.string({ maxLength: 3 })),
    { nil: undefined },
  ),
  build_flags_after: fc.option(fc.subarray(['--no-cache', '--pull']), { nil: undefined }),
});

function scenario(data: object): Scenario {
  return scenarioSchema.parse(data);
}

describe('simulate on generated scenarios', () => {
  it('returns one step per instruction, with a reason for its status, for both builders', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const parsed = parseDockerfile(data.dockerfile);
        for (const builder of ['buildkit', 'classic'] as const) {
          const result = simulate(scenario(data), { builder });
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            continue;
          }
          expect(parsed.ok && result.steps.length).toBe(
            parsed.ok && parsed.dockerfile.instructions.length,
          );
          for (const step of result.steps)
            expect(step.reason.startsWith(`${step.status}: `)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hits (or is meta/skipped) everywhere when nothing changed between the builds', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const same = {
          ...data,
          files_after: undefined,
          build_args_after: undefined,
          build_flags_after: undefined,
        };
        for (const builder of ['buildkit', 'classic'] as const) {
          const result = simulate(scenario(same), { builder });
          if (!result.ok || result.failure) continue;
          expect(result.steps.filter((s) => s.status === 'miss')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        expect(simulate(scenario(data))).toEqual(simulate(scenario(data)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('simulate on hostile input', () => {
  it('handles a 10,000-line Dockerfile', () => {
    const text =
      'FROM python:3.12-slim\nCOPY . /app/\n' +
      Array.from({ length: 10_000 }, (_, i) => `RUN echo ${i}\n`).join('');
    const started = performance.now();
    const result = simulate(
      scenario({ dockerfile: text, files_before: { 'a.py': '1' }, files_after: { 'a.py': '2' } }),
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.ok && result.steps.filter((s) => s.status === 'miss').length).toBe(10_001);
  });

  it('answers with errors, not exceptions, for binary garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const result = simulate(scenario({ dockerfile: String.fromCharCode(...bytes) }));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
