/**
 * Turn one dockerfile-ast instruction into our typed model, or into an error that names the line.
 * Flags and command text come from text.ts (BuildKit's exact text rules); ENV/ARG/LABEL pairs
 * come from dockerfile-ast's property parser, which already handles quotes and escapes.
 */
import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { Arg, Env, Label } from 'dockerfile-ast';
import type { Flag, Heredoc, Instruction, Keyword, KeyValue, MountSpec } from '../model';
import { parseMount } from './mount';
import { commandForm, flagParts, jsonStringArray, splitWords } from './text';

export const knownFlags: Record<Keyword, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security'],
  COPY: ['from', 'chown', 'chmod', 'link', 'exclude', 'parents'],
  ADD: ['chown', 'chmod', 'link', 'exclude', 'checksum', 'keep-git-dir', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
  CMD: [],
  LABEL: [],
  MAINTAINER: [],
  EXPOSE: [],
  ENV: [],
  ENTRYPOINT: [],
  VOLUME: [],
  USER: [],
  WORKDIR: [],
  ARG: [],
  ONBUILD: [],
  STOPSIGNAL: [],
  SHELL: [],
};

export function isKeyword(word: string): word is Keyword {
  return Object.hasOwn(knownFlags, word);
}

/** What every instruction shares, prepared by index.ts. */
export interface Prepared {
  keyword: Keyword;
  written: string;
  line: number;
  endLine: number;
  text: string;
  textEndLine: number;
  args: string;
  flagWords: string[];
  flagLines: number[];
  heredocs: Heredoc[];
  stage: number | null;
  ast: AstInstruction;
}

type Built = { ok: true; instruction: Instruction } | { ok: false; error: string };

function fail(p: Prepared, message: string): Built {
  return { ok: false, error: `line ${p.line}: ${message}` };
}

function valueOf(flags: Flag[], name: string): string | null {
  const found = flags.filter((f) => f.name === name);
  return found.length === 0 ? null : (found[found.length - 1]?.value ?? '');
}

function pairsOf(ast: AstInstruction): KeyValue[] {
  if (ast instanceof Env || ast instanceof Arg || ast instanceof Label) {
    return ast.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() }));
  }
  return [];
}

export function buildInstruction(p: Prepared): Built {
  const flags: Flag[] = p.flagWords.map((word, i) => ({
    ...flagParts(word),
    line: p.flagLines[i] ?? p.line,
  }));
  for (const flag of flags) {
    if (!knownFlags[p.keyword].includes(flag.name)) {
      return fail(p, `${p.keyword} does not accept the flag --${flag.name}`);
    }
  }
  const base = {
    written: p.written,
    line: p.line,
    endLine: p.endLine,
    text: p.text,
    textEndLine: p.textEndLine,
    args: p.args,
    flags,
    heredocs: p.heredocs,
    stage: p.stage,
  };
  const needs = (what: string): Built => fail(p, `${p.keyword} needs ${what}`);
  switch (p.keyword) {
    case 'FROM': {
      const words = p.args.split(/\s+/).filter((w) => w !== '');
      const image = words[0];
      if (image === undefined) return needs('a base image');
      if (
        words.length === 2 ||
        words.length > 3 ||
        (words.length === 3 && words[1]?.toLowerCase() !== 'as')
      ) {
        return fail(p, 'FROM takes an image and an optional "AS name"');
      }
      return {
        ok: true,
        instruction: {
          ...base,
          keyword: 'FROM',
          image,
          alias: words[2] ?? null,
          asWritten: words[1] ?? null,
          platform: valueOf(flags, 'platform'),
        },
      };
    }
    case 'RUN': {
      if (p.args === '') return needs('a command');
      const mounts: MountSpec[] = [];
      for (const flag of flags.filter((f) => f.name === 'mount')) {
        const parsed = parseMount(flag.value ?? '');
        if (!parsed.ok) return fail(p, `--mount: ${parsed.error}`);
        mounts.push(parsed.mount);
      }
      return {
        ok: true,
        instruction: {
          ...base,
          keyword: 'RUN',
          command: commandForm(p.args),
          mounts,
          network: valueOf(flags, 'network'),
          security: valueOf(flags, 'security'),
        },
      };
    }
    case 'COPY':
    case 'ADD': {
      const json = jsonStringArray(p.args);
      const words = json ?? splitWords(p.args);
      if (words.length < 2) return needs('at least a source and a destination');
      const handled = ['from', 'chown', 'chmod', 'link'];
      const link = valueOf(flags, 'link');
      return {
        ok: true,
        instruction: {
          ...base,
          keyword: p.keyword,
          sources: words.slice(0, -1),
          dest: words[words.length - 1] ?? '',
          from: valueOf(flags, 'from'),
          chown: valueOf(flags, 'chown'),
          chmod: valueOf(flags, 'chmod'),
          link: link !== null && link !== 'false',
          otherFlags: flags.filter((f) => !handled.includes(f.name)),
          json: json !== null,
        },
      };
    }
    case 'ENV':
    case 'ARG':
    case 'LABEL': {
      const pairs = pairsOf(p.ast);
      if (pairs.length === 0 || pairs.some((kv) => kv.name === '')) return needs('NAME=value');
      if (p.keyword !== 'ARG' && pairs.some((kv) => kv.value === null)) {
        return needs(`a value for ${pairs.find((kv) => kv.value === null)?.name ?? 'each name'}`);
      }
      const legacyForm = p.keyword !== 'ARG' && !/^\S+=/.test(p.args);
      return { ok: true, instruction: { ...base, keyword: p.keyword, pairs, legacyForm } };
    }
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      if (p.args === '') return needs('a command');
      const command = commandForm(p.args);
      if (p.keyword === 'SHELL' && command.form !== 'exec') {
        return fail(p, 'SHELL needs a JSON array, e.g. SHELL ["/bin/bash", "-c"]');
      }
      return { ok: true, instruction: { ...base, keyword: p.keyword, command } };
    }
    case 'HEALTHCHECK': {
      const words = p.args.split(/\s+/);
      const sub = words[0]?.toUpperCase();
      if (sub === 'NONE')
        return { ok: true, instruction: { ...base, keyword: 'HEALTHCHECK', command: null } };
      const rest = p.args.slice(words[0]?.length ?? 0).trim();
      if (sub !== 'CMD' || rest === '') return needs('NONE or CMD <command>');
      return {
        ok: true,
        instruction: { ...base, keyword: 'HEALTHCHECK', command: commandForm(rest) },
      };
    }
    case 'ONBUILD': {
      const trigger = p.args.split(/\s+/)[0]?.toUpperCase() ?? '';
      if (trigger === '') return needs('an instruction to run later');
      if (['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger)) {
        return fail(p, `ONBUILD cannot trigger ${trigger}`);
      }
      if (!isKeyword(trigger)) return fail(p, `ONBUILD names an unknown instruction ${trigger}`);
      return { ok: true, instruction: { ...base, keyword: 'ONBUILD', trigger: p.args } };
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
    case 'EXPOSE':
    case 'VOLUME': {
      if (p.args === '') return needs(p.keyword === 'WORKDIR' ? 'a path' : 'a value');
      const whole = p.keyword === 'WORKDIR' || p.keyword === 'MAINTAINER' || p.keyword === 'USER';
      const values = whole
        ? [p.args]
        : p.keyword === 'VOLUME'
          ? (jsonStringArray(p.args) ?? splitWords(p.args))
          : splitWords(p.args);
      return { ok: true, instruction: { ...base, keyword: p.keyword, values } };
    }
  }
}
