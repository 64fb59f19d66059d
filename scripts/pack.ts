/** `npm run pack` and `npm run lessons:verify`: the pack commands, with the app's tools. */
import { loadWidgets } from '../src/app/tools';
import { runPackCommand } from '../src/lessons/pack-commands';

loadWidgets()
  .then((widgets) => runPackCommand(process.argv.slice(2), widgets))
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
