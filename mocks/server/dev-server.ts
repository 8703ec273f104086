import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startFromCommandLine } from './cli';

/**
 * `npm run dev:server [-- options]`: the mock server, and the console's dev server in `--mode server`
 * proxying `/api/` and `/__mock/` to it; Ctrl-C (or either one ending) stops both.
 */
const server = await startFromCommandLine(process.argv.slice(2), {
  usage: 'npm run dev:server -- [options]',
  description:
    'Starts the mock server and the console (vite --mode server) on it: the page holds no mock and\n' +
    'reaches the backend over HTTP through the dev server, as it would a real one.\n\n',
});
if (server) {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const devServer = spawn(process.execPath, [vite, '--mode', 'server'], {
    stdio: 'inherit',
    env: { ...process.env, MOCK_SERVER_URL: server.url },
  });
  let stopping = false;
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C reaches the dev server too (same process group); a SIGTERM sent to this process alone does not.
    if (devServer.exitCode === null) devServer.kill('SIGTERM');
    void server.close().then(() => process.exit(exitCode));
  };
  devServer.on('exit', (code) => stop(code ?? 0));
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}
