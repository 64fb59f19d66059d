/**
 * Lint a Dockerfile with the rules of shared/specs/dockerfile-lint.md: hadolint ids, BuildKit
 * build checks, Trivy checks, and our own cache advice under SBX ids. When several tools report
 * the same problem on the same line, the findings merge into one (the others in alsoKnownAs).
 */
import { parseDockerignore } from './dockerignore';
import type { RunInstruction, Stage } from './model';
import { lastStage, parseDockerfile } from './parse';
import { parseShell, type ShellScript } from './shell';
import { buildkitChecks } from './lint/buildkit-checks';
import { buildkitFromChecks } from './lint/buildkit-from-checks';
import { buildkitStyleChecks } from './lint/buildkit-style-checks';
import { configRules } from './lint/rules-config';
import { langRules } from './lint/rules-lang';
import { osRules } from './lint/rules-os';
import { cmdRules } from './lint/rules-cmd';
import { runRules } from './lint/rules-run';
import { toolRules } from './lint/rules-tools';
import { stageRules } from './lint/rules-stage';
import { trivyRules } from './lint/rules-trivy';
import { layerRules } from './lint/sbx-layers';
import { sbx001Rule } from './lint/sbx001';
import { mountRules } from './lint/sbx-mounts';
import { orderRules } from './lint/sbx-order';
import { stageGraph } from './stage-graph';
import type { LintContext, LintFinding, LintOptions, LintRule } from './lint/types';

export const lintRules: readonly LintRule[] = [
  ...osRules,
  ...langRules,
  ...runRules,
  ...toolRules,
  ...cmdRules,
  ...stageRules,
  ...configRules,
  ...buildkitChecks,
  ...buildkitFromChecks,
  ...buildkitStyleChecks,
  ...trivyRules,
  sbx001Rule,
  ...orderRules,
  ...mountRules,
  ...layerRules,
];

/** Rules that report the same problem; the first id present wins, the rest become alsoKnownAs. */
const sameProblem: readonly (readonly string[])[] = [
  ['DL3003', 'DS013'],
  ['DL3020', 'DS005'],
  ['DL3025', 'JSONArgsRecommended'],
  ['DL3064', 'SecretsUsedInArgOrEnv', 'DS031'],
  ['DL3024', 'DuplicateStageName'],
  ['DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
  ['DL3000', 'WorkdirRelativePath'],
  ['DL3065', 'RedundantTargetPlatform'],
  ['SBX005', 'DS017'],
  ['DL3002', 'DS002'],
];

export type LintResult = { ok: true; findings: LintFinding[] } | { ok: false; errors: string[] };

export function lint(text: string, options: LintOptions = {}): LintResult {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => e.message) };
  const dockerfile = parsed.dockerfile;
  let ignore = null;
  if (typeof options.dockerignore === 'string') {
    const read = parseDockerignore(options.dockerignore);
    if (!read.ok)
      return { ok: false, errors: read.errors.map((e) => `.dockerignore ${e.message}`) };
    ignore = read.matcher;
  }
  const graph = stageGraph(dockerfile, {});
  const scripts = new Map<RunInstruction, ShellScript>();
  const ctx: LintContext = {
    dockerfile,
    options,
    ignore,
    script(run) {
      let script = scripts.get(run);
      if (script === undefined) {
        const text = run.command.form === 'shell' ? run.command.text : run.command.argv.join(' ');
        script = parseShell([text, ...run.heredocs.map((h) => h.body)].join('\n'));
        scripts.set(run, script);
      }
      return script;
    },
    parentStage(stage: Stage) {
      const base = graph.base[stage.index];
      return base?.kind === 'stage' ? (dockerfile.stages[base.index] ?? null) : null;
    },
    usedAsBase: new Set(graph.base.flatMap((b) => (b.kind === 'stage' ? [b.index] : []))),
    finalStage: lastStage(dockerfile),
  };
  const findings: LintFinding[] = [];
  for (const rule of lintRules) {
    const enabled = rule.defaultOff
      ? options.enable?.includes(rule.id)
      : !options.disable?.includes(rule.id);
    if (!enabled) continue;
    for (const raw of rule.check(ctx)) {
      findings.push({
        rule: rule.id,
        tool: rule.tool,
        severity: rule.severity,
        toolSeverity: rule.toolSeverity,
        line: raw.line,
        endLine: raw.endLine ?? raw.line,
        message: raw.message,
        explanation: rule.explanation,
        fix: raw.fix ?? { kind: 'advice', text: raw.message },
        alsoKnownAs: [...(rule.alsoKnownAs ?? [])],
      });
    }
  }
  const merged = options.merge === false ? findings : mergeSameProblem(findings);
  return {
    ok: true,
    findings: merged.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule)),
  };
}

function mergeSameProblem(findings: LintFinding[]): LintFinding[] {
  const kept: LintFinding[] = [];
  for (const finding of findings) {
    const group = sameProblem.find((g) => g.includes(finding.rule));
    const twin = group && kept.find((k) => k.line === finding.line && group.includes(k.rule));
    if (!twin || !group) {
      kept.push(finding);
      continue;
    }
    const [first, second] =
      group.indexOf(twin.rule) <= group.indexOf(finding.rule) ? [twin, finding] : [finding, twin];
    const mergedFinding: LintFinding = {
      ...first,
      fix: first.fix.kind === 'edit' || second.fix.kind !== 'edit' ? first.fix : second.fix,
      alsoKnownAs: [...first.alsoKnownAs, second.rule, ...second.alsoKnownAs],
    };
    kept.splice(kept.indexOf(twin), 1, mergedFinding);
  }
  return kept;
}
