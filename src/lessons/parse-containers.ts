/** The two core containers: `::: exercise` and `::: project`. */
import type { ExerciseBlock, ProjectBlock, ProjectFile } from './model';
import { attributesOf } from './attributes-schema';
import {
  exerciseAttributesSchema,
  projectAttributesSchema,
  projectFileAttributesSchema,
} from './schema';
import type { Container, Fence } from './segments';
import type { LocatedIssue } from '../shared/yaml-source';

const EXERCISE_PARTS = ['starter', 'solution', 'checks'] as const;

/**
 *   ::: exercise id=average title="Average of a list"
 *   Prompt in Markdown...
 *   ```python starter / ```python solution / ```python checks / ```markdown hint (0 or more)
 *   :::
 */
export function parseExercise(
  container: Container,
  issues: LocatedIssue[],
): ExerciseBlock | undefined {
  const attributes = attributesOf(container, exerciseAttributesSchema, issues);
  const parts: Partial<Record<(typeof EXERCISE_PARTS)[number], Fence>> = {};
  const hints: string[] = [];
  let prompt = '';
  for (const child of container.children) {
    if (child.type === 'prose') {
      prompt += child.markdown;
      continue;
    }
    const role = child.words.includes('hint') ? 'hint' : child.words[1];
    if (role === 'hint') {
      if (child.code.trim()) hints.push(child.code);
      else issues.push({ line: child.line, message: 'this hint is empty' });
    } else if (role === 'starter' || role === 'solution' || role === 'checks') {
      if (role === 'checks' && child.words[0] !== 'python') {
        issues.push({ line: child.line, message: 'checks are Python: write "```python checks"' });
      }
      if (parts[role]) {
        issues.push({
          line: child.line,
          message: `this exercise already has a ${role} (line ${parts[role].line})`,
        });
      }
      parts[role] = child;
    } else if (child.words.length <= 1) {
      // A plain code block (```text, ```python) is part of the prompt, shown as an example.
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(child.code) + 1));
      prompt += `${fence}${child.info}\n${child.code}\n${fence}\n`;
    } else {
      issues.push({
        line: child.line,
        message: `inside an exercise, a code block is "python starter", "python solution", "python checks", "markdown hint", or a plain example (this one is "${child.info}")`,
      });
    }
  }
  for (const part of EXERCISE_PARTS) {
    if (!parts[part]) {
      issues.push({
        line: container.line,
        message: `this exercise has no "\`\`\`python ${part}" block`,
      });
    }
  }
  if (parts.starter && parts.solution && parts.starter.words[0] !== parts.solution.words[0]) {
    issues.push({
      line: parts.solution.line,
      message: `the solution is "${parts.solution.words[0]}" but the starter is "${parts.starter.words[0]}"`,
    });
  }
  if (!attributes || !parts.starter || !parts.solution || !parts.checks) return undefined;
  return {
    kind: 'exercise',
    line: container.line,
    id: attributes.id,
    title: attributes.title ?? 'Exercise',
    language: parts.starter.words[0] ?? 'python',
    prompt,
    starter: parts.starter.code,
    solution: parts.solution.code,
    checks: parts.checks.code,
    hints,
  };
}

/**
 *   ::: project title="A src layout"
 *   ```toml file=pyproject.toml
 *   ```python file=src/app/main.py run      (the file Run executes; exactly one)
 *   :::
 */
export function parseProject(
  container: Container,
  fallbackId: string,
  issues: LocatedIssue[],
): ProjectBlock | undefined {
  const attributes = attributesOf(container, projectAttributesSchema, issues);
  const files: ProjectFile[] = [];
  const entries: string[] = [];
  for (const child of container.children) {
    if (child.type === 'prose') continue;
    if (child.attributes.file === undefined) {
      issues.push({ line: child.line, message: 'every code block in a project needs file=<path>' });
      continue;
    }
    const fileAttributes = attributesOf(child, projectFileAttributesSchema, issues);
    if (!fileAttributes) continue;
    const path = fileAttributes.file;
    if (files.some((file) => file.path === path)) {
      issues.push({ line: child.line, message: `the file ${path} appears twice in this project` });
    }
    const [language = 'text', ...flags] = child.words;
    for (const flag of flags) {
      if (flag !== 'run' && flag !== 'readonly') {
        issues.push({
          line: child.line,
          message: `unknown word "${flag}" on a project file (allowed: run, readonly)`,
        });
      }
    }
    if (flags.includes('run')) entries.push(path);
    files.push({ path, language, content: child.code, readOnly: flags.includes('readonly') });
  }
  if (!files.length) issues.push({ line: container.line, message: 'this project has no files' });
  if (entries.length !== 1) {
    issues.push({
      line: container.line,
      message: `exactly one file in a project is marked "run" (found ${entries.length})`,
    });
  }
  const entry = entries[0];
  if (!attributes || !entry || entries.length !== 1) return undefined;
  if (!entry.endsWith('.py')) {
    issues.push({
      line: container.line,
      message: `the file marked "run" must be a .py file (${entry})`,
    });
    return undefined;
  }
  return {
    kind: 'project',
    line: container.line,
    id: attributes.id ?? fallbackId,
    title: attributes.title ?? 'Project',
    files,
    entry,
    expectError: container.words.includes('expect-error'),
  };
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
}
