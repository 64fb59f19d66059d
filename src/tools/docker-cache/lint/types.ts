/** Lint findings, fixes and rules (shared by every rule family). */
import type { IgnoreMatcher } from '../dockerignore';
import type { Dockerfile, RunInstruction, Stage } from '../model';
import type { ShellScript } from '../shell';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type LintTool = 'hadolint' | 'buildkit' | 'trivy' | 'sandbox';

/** A text edit with 1-based lines and columns (Monaco's IRange + text). */
export interface TextEdit {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  text: string;
}

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
  /** The same finding under other tools' ids (merged duplicates). */
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
  disable?: readonly string[];
  /** Merge the same problem reported by several tools into one finding (default true). */
  merge?: boolean;
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
}

export interface LintRule {
  id: string;
  tool: LintTool;
  severity: Severity;
  toolSeverity: string;
  explanation: string;
  defaultOff?: boolean;
  alsoKnownAs?: string[];
  check(ctx: LintContext): RawFinding[];
}

export function advice(text: string): LintFix {
  return { kind: 'advice', text };
}
