/**
 * Lint a Dockerfile with the rules of shared/specs/dockerfile-lint.md: hadolint ids, BuildKit
 * build checks, Trivy checks, and our own cache advice under SBX ids. A problem that several
 * tools report is checked once: the finding carries the first tool's id and names the others in
 * alsoKnownAs.
 */
import { parseDockerignore } from '../context/dockerignore';
import type { RunInstruction, Stage } from '../model';
import { lastStage, parseDockerfile } from '../parse';
import { parseShell, type ShellScript } from '../parse/shell';
import { buildkitChecks } from './buildkit-checks';
import { buildkitFromChecks } from './buildkit-from-checks';
import { buildkitStyleChecks } from './buildkit-style-checks';
import { configRules } from './rules-config';
import { langRules } from './rules-lang';
import { osRules } from './rules-os';
import { cmdRules } from './rules-cmd';
import { runRules } from './rules-run';
import { toolRules } from './rules-tools';
import { stageRules } from './rules-stage';
import { secretRules } from './rules-secrets';
import { layerRules } from './sbx-layers';
import { updateAloneRule } from './update-alone';
import { sbx001Rule } from './sbx001';
import { mountRules } from './sbx-mounts';
import { orderRules } from './sbx-order';
import { stageGraph } from '../build/stage-graph';
import type { LintContext, LintFinding, LintOptions, LintRule, RawFinding } from './types';

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
  ...secretRules,
  sbx001Rule,
  ...orderRules,
  ...mountRules,
  ...layerRules,
  updateAloneRule,
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
    if (rule.defaultOff && !options.enable?.includes(rule.id)) continue;
    for (const raw of rule.check(ctx)) findings.push(toFinding(rule, raw));
  }
  return {
    ok: true,
    findings: findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule)),
  };
}

function toFinding(rule: LintRule, raw: RawFinding): LintFinding {
  const infos = [rule, ...(rule.aliases ?? [])];
  const reported = raw.reportedAs
    ? raw.reportedAs.map((id) => {
        const info = infos.find((i) => i.id === id);
        if (!info) throw new Error(`${rule.id} reports a finding as ${id}, which is not its alias`);
        return info;
      })
    : infos;
  const [named = rule, ...others] = reported;
  return {
    rule: named.id,
    tool: named.tool,
    severity: named.severity,
    toolSeverity: named.toolSeverity,
    line: raw.line,
    endLine: raw.endLine ?? raw.line,
    message: raw.message,
    explanation: named.explanation,
    fix: raw.fix ?? { kind: 'advice', text: raw.message },
    alsoKnownAs: [
      ...(named.alsoKnownAs ?? []),
      ...others.flatMap((other) => [other.id, ...(other.alsoKnownAs ?? [])]),
    ],
  };
}
