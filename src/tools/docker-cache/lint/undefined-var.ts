/** BuildKit's UndefinedVar check, with a "did you mean" suggestion. */
import { expand } from '../parse/expand';
import type { Instruction, Stage } from '../model';
import { stageChain } from './helpers';
import { advice, type LintContext, type RawFinding } from './types';

/**
 * BuildKit knows the base image's environment; we do not, so names that official images commonly
 * set count as defined rather than producing false alarms.
 */
const baseImageEnv = [
  'PATH',
  'HOME',
  'HOSTNAME',
  'TERM',
  'LANG',
  'LC_ALL',
  'PYTHON_VERSION',
  'PYTHON_SHA256',
  'GPG_KEY',
  'PYTHON_PIP_VERSION',
  'NODE_VERSION',
  'YARN_VERSION',
  'GOLANG_VERSION',
  'GOPATH',
  'GOTOOLCHAIN',
  'JAVA_HOME',
  'JAVA_VERSION',
  'RUSTUP_HOME',
  'CARGO_HOME',
  'RUST_VERSION',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'FTP_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'ftp_proxy',
  'all_proxy',
];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Text of an instruction that Docker expands (shell-form RUN/CMD/ENTRYPOINT are left to the shell). */
function expandedText(ins: Instruction): string | null {
  switch (ins.keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'HEALTHCHECK':
    case 'ONBUILD':
    case 'FROM':
      return null;
    case 'ENV':
    case 'LABEL':
    case 'ARG':
      return ins.pairs.map((p) => p.value ?? '').join(' ');
    default:
      return [ins.args, ...ins.flags.map((f) => f.value ?? '')].join(' ');
  }
}

export function undefinedVarFindings(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const defined = new Set(baseImageEnv);
    for (const inherited of stageChain(ctx, stage).slice(1).reverse())
      addDefinitions(inherited, defined, Infinity);
    for (const ins of stage.instructions) {
      const text = expandedText(ins);
      if (text !== null) {
        const missing = expand(text, (n) => (defined.has(n) ? '' : undefined)).undefinedNames;
        const name = missing[0];
        if (name !== undefined) {
          const close = [...defined].find((d) => distance(d, name) <= 2 && d !== name);
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `Usage of undefined variable '$${name}'${close ? ` (did you mean $${close}?)` : ''}`,
            fix: advice(
              close ? `Did you mean $${close}?` : `Define ${name} with ARG or ENV before using it.`,
            ),
          });
        }
      }
      addDefinitions({ ...stage, instructions: [ins] }, defined, Infinity);
    }
  }
  return out;
}

function addDefinitions(stage: Stage, defined: Set<string>, beforeLine: number): void {
  for (const ins of stage.instructions) {
    if (ins.line >= beforeLine) break;
    if (ins.keyword === 'ENV' || ins.keyword === 'ARG')
      for (const p of ins.pairs) defined.add(p.name);
  }
}
