/**
 * Parse Dockerfile text into our model (../model.ts). dockerfile-ast finds instructions, parser
 * directives (`# escape=`, `# syntax=`), comments and heredoc extents; text.ts applies
 * BuildKit's text rules; instruction.ts types each instruction. Every error names its line.
 */
import { DockerfileParser } from 'dockerfile-ast';
import './dockerfile-ast-browser';
import type {
  Dockerfile,
  FromInstruction,
  Instruction,
  KeyValueInstruction,
  ParseError,
  ParseResult,
  ParseWarning,
  Stage,
} from '../model';
import { buildInstruction, isKeyword, type Prepared } from './instruction';
import { collapse, heredocStarts, joinLogicalLine, readHeredocs, splitFlags } from './text';

/** Larger inputs are refused rather than parsed slowly: real Dockerfiles are a few KB. */
export const maxDockerfileChars = 2_000_000;
const maxErrors = 20;
const stageNamePattern = /^[a-z][a-z0-9-_.]*$/;

export function parseDockerfile(source: string): ParseResult {
  if (source.length > maxDockerfileChars) {
    return {
      ok: false,
      errors: [{ line: 1, message: 'line 1: the Dockerfile is larger than 2 MB' }],
    };
  }
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter() === '`' ? '`' : '\\';
  const syntax = ast.getDirectives().find((d) => d.getName().toLowerCase() === 'syntax');
  const errors: ParseError[] = [];
  const warnings: ParseWarning[] = [];
  const instructions: Instruction[] = [];
  const globalArgs: KeyValueInstruction[] = [];
  const stages: Stage[] = [];

  for (const node of ast.getInstructions()) {
    if (errors.length >= maxErrors) break;
    const range = node.getRange();
    const line = range.start.line + 1;
    const keyword = node.getKeyword();
    if (!isKeyword(keyword)) {
      errors.push({
        line,
        message: `line ${line}: unknown instruction ${collapse(node.getInstruction()).slice(0, 40)}`,
      });
      continue;
    }
    const start = node.getInstructionRange().start;
    const logical = joinLogicalLine(lines, start.line, start.character, range.end.line, escapeChar);
    for (const empty of logical.emptyContinuations) {
      warnings.push({
        line: empty + 1,
        code: 'NoEmptyContinuation',
        message: `line ${empty + 1}: empty line inside a continued instruction`,
      });
    }
    const afterKeyword = logical.text.slice(node.getInstruction().length);
    const { flags, rest } = splitFlags(afterKeyword);
    const canHaveHeredoc = keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD';
    const starts = canHaveHeredoc && rest.includes('<<') ? heredocStarts(rest) : [];
    const { heredocs, unclosed } = readHeredocs(lines, logical.endLine + 1, range.end.line, starts);
    if (unclosed !== null) {
      errors.push({ line, message: `line ${line}: the heredoc <<${unclosed} is never closed` });
      continue;
    }
    const stage = stages.length === 0 ? null : stages.length - 1;
    const isFrom = keyword === 'FROM';
    if (stage === null && !isFrom && keyword !== 'ARG') {
      errors.push({
        line,
        message: `line ${line}: ${keyword} comes before the first FROM (only ARG may)`,
      });
      continue;
    }
    const astFlags =
      'getFlags' in node && typeof node.getFlags === 'function' ? node.getFlags() : [];
    const prepared: Prepared = {
      keyword,
      written: node.getInstruction(),
      line,
      endLine: range.end.line + 1,
      text: collapse([logical.text, ...heredocs.map((h) => `${h.body}\n${h.name}`)].join(' ')),
      textEndLine: logical.endLine + 1,
      args: rest.trim(),
      flagWords: flags,
      flagLines: astFlags.map(
        (f: { getRange(): { start: { line: number } } }) => f.getRange().start.line + 1,
      ),
      heredocs,
      stage: isFrom ? stages.length : stage,
      ast: node,
    };
    const built = buildInstruction(prepared);
    if (!built.ok) {
      errors.push({ line, message: built.error });
      continue;
    }
    const instruction = built.instruction;
    instructions.push(instruction);
    if (instruction.keyword === 'FROM') {
      const problem = addStage(stages, instruction);
      // A duplicate name is left to the linter (DuplicateStageName); the build refuses it.
      if (problem?.kind === 'duplicate') {
        warnings.push({
          line,
          code: 'DuplicateStageName',
          message: `line ${line}: ${problem.message}`,
        });
      } else if (problem) errors.push({ line, message: `line ${line}: ${problem.message}` });
    } else if (stage === null && instruction.keyword === 'ARG') {
      globalArgs.push(instruction);
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  if (errors.length === 0 && stages.length === 0) {
    errors.push({ line: 1, message: 'line 1: the Dockerfile has no FROM instruction' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const dockerfile: Dockerfile = {
    globalArgs,
    stages,
    instructions,
    escapeChar,
    syntax: syntax ? syntax.getValue() : null,
    lines,
    warnings,
  };
  return { ok: true, dockerfile };
}

function addStage(
  stages: Stage[],
  from: FromInstruction,
): { kind: 'invalid' | 'duplicate'; message: string } | null {
  const index = stages.length;
  const name = from.alias === null ? null : from.alias.toLowerCase();
  stages.push({ index, name, label: name ?? String(index), from, instructions: [from] });
  if (name === null) return null;
  if (!stageNamePattern.test(name)) {
    return { kind: 'invalid', message: `"${from.alias}" is not a valid stage name` };
  }
  if (stages.some((s) => s.index !== index && s.name === name)) {
    return { kind: 'duplicate', message: `the stage name "${name}" is used twice` };
  }
  return null;
}

/** The last stage: the default target. A parsed Dockerfile always has one. */
export function lastStage(dockerfile: Dockerfile): Stage {
  const stage = dockerfile.stages[dockerfile.stages.length - 1];
  if (stage === undefined) throw new Error('a parsed Dockerfile has at least one stage');
  return stage;
}

/** Find a stage by `--from`/FROM reference: a name (any case) or an index. */
export function findStage(dockerfile: Dockerfile, ref: string): Stage | undefined {
  const lowered = ref.toLowerCase();
  const byName = dockerfile.stages.find((s) => s.name === lowered);
  if (byName) return byName;
  return /^\d+$/.test(ref) ? dockerfile.stages[Number(ref)] : undefined;
}
