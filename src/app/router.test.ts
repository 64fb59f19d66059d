import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.svelte';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'catalogue' }],
    ['/playground', { name: 'playground' }],
    ['/playground/', { name: 'playground' }],
    ['/lessons/welcome/first-steps', { name: 'lesson', pack: 'welcome', lesson: 'first-steps' }],
    ['/lessons/welcome', { name: 'not-found', path: '/lessons/welcome' }],
    ['/labs/resolver', { name: 'lab', lab: 'resolver' }],
    ['/nope', { name: 'not-found', path: '/nope' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('honours a base path', () => {
    expect(matchRoute('/learn/playground', '/learn/')).toEqual({ name: 'playground' });
  });
});
