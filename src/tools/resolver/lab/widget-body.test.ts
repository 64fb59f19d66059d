import { describe, expect, it } from 'vitest';
import { checkLabBody, initialText, resolverLabAttributesSchema } from './widget-body';

describe('resolver-lab blocks', () => {
  it('accept a body in the text form, or a preset', () => {
    expect(checkLabBody('root -> a\na 1.0.0\n', {})).toEqual([]);
    expect(checkLabBody('', { preset: 'diamond' })).toEqual([]);
    expect(initialText('', { preset: 'no-conflicts' })).toContain('root -> foo>=1.0.0,<2.0.0');
    expect(initialText('root -> a', {})).toBe('root -> a\n');
  });

  it('report mistakes on the line of the body that has them', () => {
    const body = '# the index\nroot -> a>=1\na 1.0.0 -> b>=>2\n';
    expect(checkLabBody(body, {})).toEqual([
      { line: 3, message: expect.stringContaining('b:') as string },
    ]);
    expect(checkLabBody('root -> a\na 1.0.0\n\na 1.0 2.0\n', {})).toEqual([
      { line: 2, message: 'a lists version 1.0 twice (PEP 440 equal)' },
    ]);
    expect(checkLabBody('a 1.0.0\n', {})).toEqual([
      { line: 1, message: expect.stringContaining('no root line') as string },
    ]);
  });

  it('want a body or a preset, not both and not neither', () => {
    expect(checkLabBody('root -> a\n', { preset: 'diamond' })[0]?.message).toMatch(/not both/);
    expect(checkLabBody('  \n', {})[0]).toMatchObject({ line: 0 });
  });

  it('validate attributes: known presets and modes only', () => {
    expect(
      resolverLabAttributesSchema.safeParse({ preset: 'diamond', mode: 'compare' }).success,
    ).toBe(true);
    expect(resolverLabAttributesSchema.safeParse({ preset: 'nope' }).success).toBe(false);
    expect(resolverLabAttributesSchema.safeParse({ mode: 'fast' }).success).toBe(false);
    expect(resolverLabAttributesSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
