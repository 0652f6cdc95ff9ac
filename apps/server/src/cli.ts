// `pnpm komisi ...`: tenants and their settings from the command line (see cli/args.ts for usage).
import { runCli } from './cli/run.ts';
import { loadEnvFile } from './startup/env-file.ts';

// the same `.env` the server reads (the real environment wins)
loadEnvFile();

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
// the embedded database and the lock are closed by now; nothing else should keep the process alive
process.exit(code);
