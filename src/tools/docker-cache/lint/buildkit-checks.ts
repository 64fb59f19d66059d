/** BuildKit build checks about what instructions read and declare. */
import { contextPath } from '../paths';
import { each } from './buildkit-common';
import { isUrl } from '../build/sources';
import { undefinedVarFindings } from './undefined-var';
import { advice, type LintRule } from './types';
import { bk } from './rule-info';

export const buildkitChecks: LintRule[] = [
  bk(
    'CopyIgnoredFile',
    'A path excluded by .dockerignore is not in the build context, so COPY/ADD of it fails (the flip side of R-IGNORE).',
    (ctx) => {
      const ignore = ctx.ignore;
      if (ignore === null) return [];
      return each(ctx, (i) => {
        if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.from !== null) return null;
        const hit = i.sources.find(
          (s) =>
            !isUrl(s) &&
            !s.startsWith('<<') &&
            !/[*?[$]/.test(s) &&
            contextPath(s) !== '.' &&
            ignore.ignores(contextPath(s)),
        );
        return hit
          ? {
              line: i.line,
              endLine: i.endLine,
              message: `${hit} is excluded by .dockerignore, so ${i.keyword} cannot copy it`,
              fix: advice(
                `Remove the pattern that excludes ${hit} from .dockerignore, or stop copying it.`,
              ),
            }
          : null;
      });
    },
  ),
  bk(
    'UndefinedVar',
    'An undefined variable expands to an empty string; a typo such as $PAHT silently gives the same cache key as no value at all.',
    undefinedVarFindings,
  ),
  bk(
    'NoEmptyContinuation',
    'A blank line inside a continued instruction is ignored today but will be an error in a future Dockerfile syntax.',
    (ctx) =>
      ctx.dockerfile.warnings
        .filter((w) => w.code === 'NoEmptyContinuation')
        .map((w) => ({
          line: w.line,
          message: 'Empty continuation line',
          fix: {
            kind: 'edit' as const,
            description: 'remove the empty line',
            edits: [
              {
                startLineNumber: w.line,
                startColumn: 1,
                endLineNumber: w.line + 1,
                endColumn: 1,
                text: '',
              },
            ],
          },
        })),
  ),
];
