/** BuildKit's style checks: casing, legacy forms, EXPOSE format. */
import { casing, each, froms } from './buildkit-common';
import { editFix, keywordRange, replaceLines } from './fixes';
import { advice, type LintRule } from './types';
import { bk } from './rule-info';

export const buildkitStyleChecks: LintRule[] = [
  bk(
    'ConsistentInstructionCasing',
    'Mixed upper/lower case keywords are harder to read; keywords are case-insensitive.',
    (ctx) => {
      const all = ctx.dockerfile.instructions;
      const upper = all.filter((i) => casing(i.written) === 'upper').length;
      const want = upper * 2 >= all.length ? 'upper' : 'lower';
      return all
        .filter((i) => casing(i.written) !== want)
        .map((i) => {
          const k = keywordRange(ctx.dockerfile, i);
          const text = want === 'upper' ? i.written.toUpperCase() : i.written.toLowerCase();
          return {
            line: i.line,
            message: `Command '${i.written}' should match the case of the command majority (${want}case)`,
            fix:
              editFix(`write ${text}`, [
                {
                  startLineNumber: k.line,
                  startColumn: k.start,
                  endLineNumber: k.line,
                  endColumn: k.end,
                  text,
                },
              ]) ?? undefined,
          };
        });
    },
    'style',
  ),
  bk(
    'FromAsCasing',
    'The keywords FROM and AS should use the same case.',
    (ctx) =>
      froms(ctx).flatMap((f) => {
        if (f.asWritten === null || casing(f.asWritten) === casing(f.written)) return [];
        const line = ctx.dockerfile.lines[f.line - 1] ?? '';
        const at = line.search(new RegExp(`\\s${f.asWritten}\\s`));
        const text = casing(f.written) === 'lower' ? 'as' : 'AS';
        const fix =
          at === -1
            ? null
            : editFix(`write ${text}`, [
                {
                  startLineNumber: f.line,
                  startColumn: at + 2,
                  endLineNumber: f.line,
                  endColumn: at + 2 + f.asWritten.length,
                  text,
                },
              ]);
        return [
          {
            line: f.line,
            message: `'${f.asWritten}' and '${f.written}' keywords' casing do not match`,
            fix: fix ?? advice(`Write '${text}'.`),
          },
        ];
      }),
    'style',
  ),
  bk(
    'StageNameCasing',
    'Stage names are matched case-insensitively; lowercase names avoid confusion.',
    (ctx) =>
      froms(ctx).flatMap((f) => {
        if (f.alias === null || f.alias === f.alias.toLowerCase()) return [];
        const line = ctx.dockerfile.lines[f.line - 1] ?? '';
        const at = line.lastIndexOf(f.alias);
        const fix = editFix('lowercase the stage name', [
          {
            startLineNumber: f.line,
            startColumn: at + 1,
            endLineNumber: f.line,
            endColumn: at + 1 + f.alias.length,
            text: f.alias.toLowerCase(),
          },
        ]);
        return [
          {
            line: f.line,
            message: `Stage name '${f.alias}' should be lowercase`,
            fix: fix ?? undefined,
          },
        ];
      }),
    'style',
  ),
  bk(
    'LegacyKeyValueFormat',
    '`ENV key value` is the legacy form; `ENV key=value` is unambiguous and allows several pairs.',
    (ctx) =>
      each(ctx, (i) => {
        if ((i.keyword !== 'ENV' && i.keyword !== 'LABEL') || !i.legacyForm) return null;
        const pair = i.pairs[0];
        const value = pair?.value ?? '';
        const text = `${i.written} ${pair?.name ?? ''}=${/[\s"'\\$]/.test(value) ? JSON.stringify(value) : value}`;
        return {
          line: i.line,
          endLine: i.endLine,
          message: `"${i.keyword} key=value" should be used instead of legacy "${i.keyword} key value" format`,
          fix:
            editFix('use key=value', [replaceLines(ctx.dockerfile, i.line, i.endLine, text)]) ??
            undefined,
        };
      }),
    'style',
  ),
  bk('MaintainerDeprecated', 'MAINTAINER is deprecated; use a LABEL.', (ctx) =>
    each(ctx, (i) =>
      i.keyword === 'MAINTAINER'
        ? {
            line: i.line,
            endLine: i.endLine,
            message: 'Maintainer instruction is deprecated in favor of using label',
            fix:
              editFix('use LABEL', [
                replaceLines(
                  ctx.dockerfile,
                  i.line,
                  i.endLine,
                  `LABEL org.opencontainers.image.authors=${JSON.stringify(i.args)}`,
                ),
              ]) ?? undefined,
          }
        : null,
    ),
  ),
  bk(
    'ExposeProtoCasing',
    'Protocols in EXPOSE should be lowercase (tcp/udp).',
    (ctx) =>
      each(ctx, (i) => {
        if (i.keyword !== 'EXPOSE' || !i.values.some((v) => /\/(?=.*[A-Z])/.test(v))) return null;
        const fixed = `${i.written} ${i.values.map((v) => v.replace(/\/(\w+)$/, (_m, p: string) => `/${p.toLowerCase()}`)).join(' ')}`;
        return {
          line: i.line,
          endLine: i.endLine,
          message: 'Defined protocol in EXPOSE should be lowercase',
          fix:
            editFix('lowercase the protocol', [
              replaceLines(ctx.dockerfile, i.line, i.endLine, fixed),
            ]) ?? undefined,
        };
      }),
    'style',
  ),
  bk(
    'ExposeInvalidFormat',
    'EXPOSE takes container ports only; IP addresses and host ports belong to `docker run -p`.',
    (ctx) =>
      each(ctx, (i) =>
        i.keyword === 'EXPOSE' && i.values.some((v) => v.includes(':'))
          ? {
              line: i.line,
              endLine: i.endLine,
              message: 'EXPOSE instruction should not define an IP address or host-port mapping',
              fix: advice('Keep only the container port, e.g. `EXPOSE 8000`.'),
            }
          : null,
      ),
  ),
];
