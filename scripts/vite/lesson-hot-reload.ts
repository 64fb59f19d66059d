/**
 * `npm run dev`: when a file of a built-in pack changes, send the pack's files to the page
 * instead of reloading it. The page re-parses that pack and re-renders the lesson; learners'
 * code is in their saved progress, so nothing they typed is lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export const LESSON_EVENT = 'wheelhouse:pack-changed';

export function lessonHotReload(): Plugin {
  let lessonsDir = '';
  return {
    name: 'wheelhouse:lesson-hot-reload',
    apply: 'serve',
    configResolved(config) {
      lessonsDir = path.join(config.root, 'lessons');
    },
    handleHotUpdate({ file, server }) {
      const relative = path.relative(lessonsDir, file);
      const [folder, name, ...rest] = relative.split(path.sep);
      if (
        relative.startsWith('..') ||
        !folder ||
        !name ||
        rest.length ||
        !/\.(md|yaml)$/.test(name)
      )
        return;
      const dir = path.join(lessonsDir, folder);
      const files = Object.fromEntries(
        readdirSync(dir)
          .filter((entry) => /\.(md|yaml)$/.test(entry))
          .map((entry) => [entry, readFileSync(path.join(dir, entry), 'utf8')]),
      );
      server.ws.send({ type: 'custom', event: LESSON_EVENT, data: { folder, files } });
      server.config.logger.info(`lesson pack ${folder}: ${name} changed, sent to the page`, {
        timestamp: true,
      });
      return [];
    },
  };
}
