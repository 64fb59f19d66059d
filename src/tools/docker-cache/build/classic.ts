/**
 * The classic (legacy) builder: every instruction after FROM is a commit found in the cache by
 * (parent image, container config, Cmd), so metadata lines are probed too and a miss busts the
 * rest of the stage (R-CHAIN, R-META). RUN's Cmd is prefixed with `|N NAME=value` for build args
 * in scope (R-ARG-SCOPE); COPY/ADD hash their sources like BuildKit (R-COPY-SUM).
 */
import type { Dockerfile } from '../model';
import { findStage } from '../parse';
import { copyDestination, runText } from './buildkit';
import { resolveIn } from '../paths';
import { mentionedPaths, readSources } from './sources';
import {
  applyConfig,
  declareArgs,
  expander,
  fileRecord,
  setEnvPairs,
  type KeyParts,
  type StepInput,
  type StepPlan,
} from './plan';

/** Why the classic builder cannot build this Dockerfile, or null (BuildKit-only features). */
export function classicUnsupported(dockerfile: Dockerfile): string | null {
  for (const ins of dockerfile.instructions) {
    const at = `line ${ins.line}`;
    if (ins.heredocs.length > 0) return `${at}: heredocs need BuildKit`;
    if (ins.keyword === 'RUN') {
      const flag = ins.flags[0];
      if (flag) return `${at}: RUN --${flag.name} needs BuildKit`;
    }
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const flag = ins.flags.find((f) => !['from', 'chown'].includes(f.name));
      if (flag) return `${at}: ${ins.keyword} --${flag.name} needs BuildKit`;
      const named = ins.from === null ? undefined : findStage(dockerfile, ins.from);
      if (named && named.index >= (ins.stage ?? 0)) {
        return `${at}: ${ins.keyword} --from=${ins.from} names a later stage, which only BuildKit allows`;
      }
    }
  }
  return null;
}

function probe(
  step: StepInput,
  kind: string,
  cmd: string,
  extra: Partial<KeyParts> = {},
): KeyParts {
  const { state } = step;
  return {
    kind,
    chain: state.fs.id,
    fields: {
      cmd,
      cwd: state.cwd,
      user: state.user ?? '',
      shell: JSON.stringify(state.shell),
      config: JSON.stringify([...state.config].sort()),
      ...extra.fields,
    },
    env: state.env.filter((e) => e.from !== 'arg'),
    files: extra.files ?? {},
    inputs: extra.inputs ?? {},
  };
}

function commit(
  step: StepInput,
  parts: KeyParts,
  rest: Partial<Extract<StepPlan, { kind: 'layer' }>> = {},
): StepPlan {
  // A no-op prober under --no-cache: every instruction misses (R-NOCACHE).
  return {
    kind: 'layer',
    parts,
    forceMiss: step.noCache,
    link: false,
    writes: null,
    content: null,
    error: null,
    ...rest,
  };
}

export function classicStep(step: StepInput): StepPlan {
  const ins = step.instruction;
  const x = expander(step);
  const state = step.state;
  switch (ins.keyword) {
    case 'ARG': {
      // The commit comment holds the Dockerfile default, not the --build-arg value.
      const written = ins.pairs.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`));
      const parts = probe(step, 'meta', `#(nop) ARG ${written.join(' ')}`);
      declareArgs(step, ins, false);
      return commit(step, parts);
    }
    case 'ENV': {
      const written = setEnvPairs(step, ins);
      return commit(step, probe(step, 'meta', `#(nop) ENV ${written.join(' ')}`));
    }
    case 'WORKDIR': {
      state.cwd = resolveIn(state.cwd, x(ins.args));
      return commit(step, probe(step, 'workdir', `#(nop) WORKDIR ${state.cwd}`), {
        writes: { kind: 'workdir', paths: [state.cwd], text: '', cwd: state.cwd },
      });
    }
    case 'COPY':
    case 'ADD': {
      const sources = ins.sources.map(x);
      const from = ins.from === null ? null : x(ins.from);
      const content = readSources(step.world, sources, from, new Map());
      const dest = copyDestination(state.cwd, x(ins.dest));
      const chown = ins.chown === null ? '' : `--chown=${x(ins.chown)} `;
      const parts = probe(
        step,
        ins.keyword.toLowerCase(),
        `#(nop) ${ins.keyword} ${chown}in ${dest}`,
        {
          files: fileRecord(content.files),
          inputs: content.inputs,
        },
      );
      return commit(step, parts, {
        content,
        error: content.errors[0] ?? null,
        writes: { kind: 'copy', paths: [dest.replace(/(.)\/$/, '$1')], text: '', cwd: state.cwd },
      });
    }
    case 'RUN': {
      const overridden = new Set(state.env.filter((e) => e.from === 'env').map((e) => e.name));
      const buildArgs = [...state.args]
        .filter(([name, arg]) => arg.value !== null && !overridden.has(name))
        .map(([name, arg]) => `${name}=${arg.value ?? ''}`)
        .sort();
      // The probed Cmd is `|N NAME=value ... <shell> <command>`; the prefix is kept in its own
      // field so an explanation can tell a changed build arg from a changed command.
      const prefix = buildArgs.length > 0 ? `|${buildArgs.length} ${buildArgs.join(' ')}` : '';
      const text = runText(ins);
      const cmd = JSON.stringify(
        ins.command.form === 'shell' ? [...state.shell, text] : ins.command.argv,
      );
      return commit(step, probe(step, 'run', cmd, { fields: { buildArgs: prefix } }), {
        writes: { kind: 'run', paths: mentionedPaths(text, state.cwd), text, cwd: state.cwd },
      });
    }
    default: {
      // Probed with the config after this instruction applied, plus its `#(nop)` comment.
      const value = applyConfig(step) ?? ins.args;
      return commit(step, probe(step, 'meta', `#(nop) ${ins.keyword} ${value}`));
    }
  }
}
