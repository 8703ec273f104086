import { startFromCommandLine } from './cli';

/** `npm run mock:server [-- options]`: the mock backend as an HTTP server, until Ctrl-C. */
const server = await startFromCommandLine(process.argv.slice(2), {
  usage: 'npm run mock:server -- [options]',
  description: '',
});
if (server) {
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
