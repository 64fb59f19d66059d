/**
 * Our typed model of a Dockerfile, built from dockerfile-ast's syntax tree by parse/. It keeps
 * what the cache rules and the lint rules read: instruction text as BuildKit sees it (for keys),
 * collapsed text (for display), typed flags, and 1-based line numbers for messages and fixes.
 */

export type Keyword =
  | 'FROM'
  | 'RUN'
  | 'CMD'
  | 'LABEL'
  | 'MAINTAINER'
  | 'EXPOSE'
  | 'ENV'
  | 'ADD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'VOLUME'
  | 'USER'
  | 'WORKDIR'
  | 'ARG'
  | 'ONBUILD'
  | 'STOPSIGNAL'
  | 'HEALTHCHECK'
  | 'SHELL';

export interface Flag {
  name: string;
  /** null for a bare flag such as `--link`. */
  value: string | null;
  line: number;
}

/** A shell-form command (run through SHELL) or an exec-form JSON array. */
export type CommandForm = { form: 'shell'; text: string } | { form: 'exec'; argv: string[] };

export interface Heredoc {
  name: string;
  /** Body lines joined with `\n`, as written (after `<<-` tab stripping). */
  body: string;
  /** Whether variables expand inside (false for a quoted delimiter such as <<"EOF"). */
  expands: boolean;
}

export interface KeyValue {
  name: string;
  /** null for `ARG NAME` with no default. */
  value: string | null;
}

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

export interface MountSpec {
  type: MountType;
  /** Options as written, e.g. { target: '/root/.cache/pip', sharing: 'locked' }. */
  options: Record<string, string>;
}

interface Base {
  /** Upper-case keyword. */
  keyword: Keyword;
  /** The keyword as written (`run`, `Run`), for casing checks. */
  written: string;
  /** 1-based first and last line, including heredoc bodies. */
  line: number;
  endLine: number;
  /** Whitespace-collapsed text, comments inside continuations removed: for display and alignment. */
  text: string;
  /** 1-based line where the instruction's own text ends (before heredoc bodies). */
  textEndLine: number;
  /** Everything after the keyword and flags, as BuildKit's parser joins it (continuations removed). */
  args: string;
  flags: Flag[];
  heredocs: Heredoc[];
  /** Index of the stage, or null for an ARG before the first FROM. */
  stage: number | null;
}

export interface FromInstruction extends Base {
  keyword: 'FROM';
  image: string;
  alias: string | null;
  /** `AS` exactly as written, for FromAsCasing. */
  asWritten: string | null;
  platform: string | null;
}

export interface RunInstruction extends Base {
  keyword: 'RUN';
  command: CommandForm;
  mounts: MountSpec[];
  network: string | null;
  security: string | null;
}

export interface CopyInstruction extends Base {
  keyword: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  from: string | null;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  /** Remaining flags that take part in the key as written (--exclude, --parents, --checksum, ...). */
  otherFlags: Flag[];
  json: boolean;
}

export interface KeyValueInstruction extends Base {
  keyword: 'ENV' | 'ARG' | 'LABEL';
  pairs: KeyValue[];
  /** True for the legacy `ENV NAME value` form without `=`. */
  legacyForm: boolean;
}

export interface CommandInstruction extends Base {
  keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL';
  command: CommandForm;
}

export interface HealthcheckInstruction extends Base {
  keyword: 'HEALTHCHECK';
  /** null for HEALTHCHECK NONE. */
  command: CommandForm | null;
}

export interface OnbuildInstruction extends Base {
  keyword: 'ONBUILD';
  trigger: string;
}

export interface PlainInstruction extends Base {
  keyword: 'WORKDIR' | 'USER' | 'EXPOSE' | 'VOLUME' | 'STOPSIGNAL' | 'MAINTAINER';
  /** Arguments split like BuildKit does (JSON array for VOLUME, else on whitespace). */
  values: string[];
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CopyInstruction
  | KeyValueInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | PlainInstruction;

export interface Stage {
  index: number;
  /** Lower-cased alias (Docker compares stage names case-insensitively), or null. */
  name: string | null;
  /** How steps and results name the stage: its alias, else its index. */
  label: string;
  from: FromInstruction;
  /** All instructions of the stage, FROM first. */
  instructions: Instruction[];
}

export interface ParseWarning {
  line: number;
  code: 'NoEmptyContinuation' | 'DuplicateStageName';
  message: string;
}

export interface Dockerfile {
  /** ARG instructions before the first FROM. */
  globalArgs: KeyValueInstruction[];
  stages: Stage[];
  /** Every instruction in source order. */
  instructions: Instruction[];
  escapeChar: string;
  syntax: string | null;
  /** The source split into lines (without line endings), for fixes. */
  lines: string[];
  warnings: ParseWarning[];
}

export interface ParseError {
  line: number;
  message: string;
}

export type ParseResult =
  { ok: true; dockerfile: Dockerfile } | { ok: false; errors: ParseError[] };
