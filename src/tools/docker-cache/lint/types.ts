/** Lint findings, fixes and rules (shared by every rule family). */
import type { IgnoreMatcher } from '../context/dockerignore';
import type { Dockerfile, RunInstruction, Stage } from '../model';
import type { ShellScript } from '../parse/shell';
import type { TextEdit } from '../../../editor';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type LintTool = 'hadolint' | 'buildkit' | 'trivy' | 'sandbox';

export type { TextEdit };

export type LintFix =
  { kind: 'edit'; description: string; edits: TextEdit[] } | { kind: 'advice'; text: string };

export interface LintFinding {
  /** hadolint DLxxxx, a BuildKit check name, Trivy DSxxx, or our own SBXxxx. */
  rule: string;
  tool: LintTool;
  severity: Severity;
  /** The tool's own severity word, e.g. "Warning", "HIGH". */
  toolSeverity: string;
  line: number;
  endLine: number;
  message: string;
  /** Why it matters, for learners. */
  explanation: string;
  fix: LintFix;
  /** Other tools' ids for this same finding. */
  alsoKnownAs: string[];
}

export interface LintOptions {
  /** .dockerignore text; null when there is none; absent when unknown (rules needing it stay quiet). */
  dockerignore?: string | null;
  /** Paths of the build context, when known. */
  files?: readonly string[];
  /** DL3026: registries FROM may use (rule off when absent). */
  allowedRegistries?: readonly string[];
  /** Rules that are off by default to switch on (e.g. DL3057). */
  enable?: readonly string[];
}

export interface LintContext {
  dockerfile: Dockerfile;
  options: LintOptions;
  /** null when the .dockerignore is unknown. */
  ignore: IgnoreMatcher | null;
  script(run: RunInstruction): ShellScript;
  /** The stage a FROM refers to, when it refers to an earlier stage. */
  parentStage(stage: Stage): Stage | null;
  /** Stages another stage starts FROM. */
  usedAsBase: ReadonlySet<number>;
  finalStage: Stage;
}

export interface RawFinding {
  line: number;
  endLine?: number;
  message: string;
  fix?: LintFix;
  /**
   * The ids (the rule's own and its aliases') under which the tools report this finding, in
   * order: the first names it, the others become its alsoKnownAs. Absent: all of them.
   */
  reportedAs?: string[];
}

/** One tool's rule: its id, how that tool rates it, and why it matters. */
export interface RuleInfo {
  id: string;
  tool: LintTool;
  severity: Severity;
  toolSeverity: string;
  explanation: string;
  /** Names that always come with this id (e.g. the KICS query that matches a Trivy check). */
  alsoKnownAs?: string[];
}

/** One check of one problem; other tools' rules for the same problem are its aliases. */
export interface LintRule extends RuleInfo {
  aliases?: RuleInfo[];
  defaultOff?: boolean;
  check(ctx: LintContext): RawFinding[];
}

export function advice(text: string): LintFix {
  return { kind: 'advice', text };
}
