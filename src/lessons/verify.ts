/**
 * Proves a pack in Pyodide under Node: every exercise's solution passes its checks and its
 * starter fails at least one; every runnable cell and project runs without raising (or raises,
 * when marked `expect-error`). Items that need a package the package source cannot provide
 * are skipped with the reason.
 */
import type { NodeRunOutcome, NodeRuntime } from '../runtime/node/node-runtime';
import type { CellBlock, ExerciseBlock, Lesson, Pack, ProjectBlock } from './model';

export type VerifyStatus = 'passed' | 'failed' | 'skipped';

export interface VerifyItem {
  status: VerifyStatus;
  /** `welcome/first-steps: exercise average (line 40)` */
  label: string;
  detail: string;
}

/** A cell marked runs-forever is stopped after this long; it must then end in KeyboardInterrupt. */
const RUNS_FOREVER_MS = 1500;

export async function verifyPack(
  pack: Pack,
  runtime: NodeRuntime,
  onItem: (item: VerifyItem) => void,
): Promise<void> {
  for (const lesson of pack.lessons) {
    const scope = `verify:${pack.manifest.id}/${lesson.id}`;
    await runtime.resetScope(scope);
    for (const block of lesson.blocks) {
      const where = `${pack.manifest.id}/${lesson.id}`;
      if (block.kind === 'cell') onItem(await verifyCell(block, scope, where, lesson, runtime));
      else if (block.kind === 'exercise') onItem(await verifyExercise(block, where, runtime));
      else if (block.kind === 'project') onItem(await verifyProject(block, where, runtime));
    }
  }
}

function errorText(outcome: NodeRunOutcome): string {
  if (outcome.result.ok) return '';
  const { type, message, line } = outcome.result.error;
  return `${type}: ${message}${line ? ` (line ${line})` : ''}`;
}

function missingPackage(outcome: NodeRunOutcome): string | undefined {
  const { result } = outcome;
  return !result.ok && result.error.type === 'PackageLoadError' ? result.error.message : undefined;
}

async function verifyCell(
  cell: CellBlock,
  scope: string,
  where: string,
  lesson: Lesson,
  runtime: NodeRuntime,
): Promise<VerifyItem> {
  const label = `${where}: cell ${cell.id} (${lesson.file}:${cell.line})`;
  const outcome = await runtime.run(
    { code: cell.code, scope, filename: `<${cell.id}>` },
    { stdin: cell.input, ...(cell.runsForever && { timeoutMs: RUNS_FOREVER_MS }) },
  );
  const skip = missingPackage(outcome);
  if (skip) return { status: 'skipped', label, detail: skip };
  if (cell.runsForever) {
    return outcome.timedOut && !outcome.restarted
      ? { status: 'passed', label, detail: 'ran until stopped, as marked' }
      : {
          status: 'failed',
          label,
          detail: `marked runs-forever, but it ${outcome.timedOut ? 'ignored Stop' : 'ended by itself'}`,
        };
  }
  if (cell.expectError) {
    return outcome.result.ok
      ? { status: 'failed', label, detail: 'marked expect-error, but it raised nothing' }
      : { status: 'passed', label, detail: `raised ${errorText(outcome)}, as marked` };
  }
  return outcome.result.ok
    ? { status: 'passed', label, detail: '' }
    : {
        status: 'failed',
        label,
        detail: `raised ${errorText(outcome)}${outcome.stderr ? '' : ''}`,
      };
}

async function verifyExercise(
  exercise: ExerciseBlock,
  where: string,
  runtime: NodeRuntime,
): Promise<VerifyItem> {
  const label = `${where}: exercise ${exercise.id} (line ${exercise.line})`;
  const attempt = (code: string) =>
    runtime.run({
      code,
      scope: `verify-exercise:${exercise.id}`,
      filename: '<exercise>',
      exercise: { checks: exercise.checks, language: exercise.language },
    });
  const solution = await attempt(exercise.solution);
  const skip = missingPackage(solution);
  if (skip) return { status: 'skipped', label, detail: skip };
  if (!solution.result.ok) {
    return { status: 'failed', label, detail: `the solution raised ${errorText(solution)}` };
  }
  const failing = (solution.result.checks ?? []).filter((check) => !check.passed);
  if (failing.length) {
    const reasons = failing.map((check) => `"${check.name}": ${check.message}`).join('; ');
    return { status: 'failed', label, detail: `the solution fails ${reasons}` };
  }
  const starter = await attempt(exercise.starter);
  const starterFails =
    !starter.result.ok || (starter.result.checks ?? []).some((check) => !check.passed);
  if (!starterFails) {
    return { status: 'failed', label, detail: 'the starter already passes every check' };
  }
  const count = solution.result.checks?.length ?? 0;
  return {
    status: 'passed',
    label,
    detail: `solution passes ${count} check${count === 1 ? '' : 's'}, starter fails`,
  };
}

async function verifyProject(
  project: ProjectBlock,
  where: string,
  runtime: NodeRuntime,
): Promise<VerifyItem> {
  const label = `${where}: project ${project.id} (line ${project.line})`;
  const entry = project.files.find((file) => file.path === project.entry)!;
  const files = Object.fromEntries(project.files.map((file) => [file.path, file.content]));
  const outcome = await runtime.run({
    code: entry.content,
    scope: `verify-project:${project.id}`,
    filename: entry.path,
    files,
  });
  const skip = missingPackage(outcome);
  if (skip) return { status: 'skipped', label, detail: skip };
  if (project.expectError) {
    return outcome.result.ok
      ? { status: 'failed', label, detail: 'marked expect-error, but it raised nothing' }
      : { status: 'passed', label, detail: `raised ${errorText(outcome)}, as marked` };
  }
  return outcome.result.ok
    ? { status: 'passed', label, detail: '' }
    : { status: 'failed', label, detail: `raised ${errorText(outcome)}` };
}
