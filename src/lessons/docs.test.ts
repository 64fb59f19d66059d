/** docs/authoring.md must stay exact: every field, flag and check helper is documented. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './parse-pack';
import { prerequisiteIssues } from './prerequisites';
import { lessonMetaSchema, packManifestSchema } from './schema';

const guide = readFileSync('docs/authoring.md', 'utf8');

describe('docs/authoring.md', () => {
  it('documents every manifest and front-matter field', () => {
    for (const field of [
      ...Object.keys(packManifestSchema.shape),
      ...Object.keys(lessonMetaSchema.shape),
    ]) {
      expect(guide, field).toMatch(new RegExp(`\\| \`${field}\` +\\|`));
    }
  });

  it('documents every check helper that checks.py exports', () => {
    const checks = readFileSync('src/runtime/python/wheelhouse_checks.py', 'utf8');
    const exported = /__all__ = \[([\s\S]*?)\]/
      .exec(checks)![1]!
      .match(/"(\w+)"/g)!
      .map((name) => name.slice(1, -1));
    for (const name of exported.filter((name) => name.startsWith('expect') || name === 'check')) {
      expect(guide, name).toMatch(new RegExp(`\`@?${name}\\(`));
    }
  });

  it('shows the errors check prints for its after example, as it prints them', () => {
    const example = /### Prerequisites[\s\S]*?```yaml\n([\s\S]*?)```/.exec(guide)![1]!;
    const broken = example.replace(
      '  - welcome\n',
      '  - welcom\n  - dependency-locks\n  - lock-audits\n',
    );
    const issues = prerequisiteIssues(
      [
        { id: 'dependency-locks', manifest: broken },
        { id: 'lock-audits', manifest: 'id: lock-audits\nafter: [dependency-locks]\n' },
      ],
      ['welcome'],
    ).filter((issue) => issue.pack === 'dependency-locks');
    expect(issues).toHaveLength(3);
    for (const issue of issues) expect(guide).toContain(formatIssue(issue));
  });

  it('documents every cell flag the parser accepts', () => {
    for (const flag of ['expect-error', 'runs-forever', 'input=', 'id='])
      expect(guide).toContain(`\`${flag}`);
  });
});

describe('public/_headers', () => {
  it('sends the same Content-Security-Policy as npm run preview', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../scripts/vite/security-headers.ts');
    expect(readFileSync('public/_headers', 'utf8')).toContain(
      `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    );
  });
});
