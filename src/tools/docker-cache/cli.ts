/** `npm run docker-cache -- scenario.json [--builder classic] [--lint]`; see cli-run.ts. */
import { readFileSync } from 'node:fs';
import { runCli } from './cli-run';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
