/**
 * `pnpm bench:startup`: how long the built server takes from `node` to a 200 on /health, and how
 * much memory it holds once idle, on the embedded database and on PostgreSQL. A first start
 * (empty data dir or database: migrations, demo tenants, cold compile cache) is followed by warm
 * restarts (what a deploy or a crash restart costs). Writes bench/results/startup.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const REPO = resolve(import.meta.dirname, '../..');
const ENTRY = join(REPO, 'apps/server/dist/bin.js');
const WARM_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const IDLE_MS = 5_000;
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Start {
  seconds: number;
  rssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startOnce(env: Record<string, string>, port: number): Promise<Start> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...env,
    },
    stdio: 'ignore',
  });
  const exited = new Promise((done) => child.on('exit', done));
  try {
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { seconds, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function series(label: string, env: Record<string, string>, port: number) {
  const first = await startOnce(env, port);
  const warm: Start[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await startOnce(env, port));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = {
    label,
    first,
    warmSeconds: median(warm.map((w) => w.seconds)),
    warmRssMb: median(warm.map((w) => w.rssMb)),
  };
  console.log(
    `${label}: first ${first.seconds.toFixed(2)} s (${first.rssMb.toFixed(0)} MB), warm ${row.warmSeconds.toFixed(2)} s, idle RSS ${row.warmRssMb.toFixed(0)} MB`,
  );
  return row;
}

async function main() {
  execFileSync(
    process.execPath,
    [
      join(REPO, 'node_modules/typescript/bin/tsc'),
      '-b',
      'tsconfig.build.json',
      'apps/server/tsconfig.build.json',
    ],
    {
      cwd: REPO,
      stdio: 'inherit',
    },
  );
  const scratch = mkdtempSync(join(tmpdir(), 'komisi-startup-'));
  const cache = join(scratch, 'compile-cache');
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const database = `komisi_startup_${process.pid}`;
  await admin.query(`create database ${database}`);
  try {
    const fileKey = Buffer.alloc(32, 7).toString('base64');
    const rows = [
      await series(
        'embedded PGlite',
        { KOMISI_DATA_DIR: join(scratch, 'pglite'), NODE_COMPILE_CACHE: cache },
        3_901,
      ),
      await series(
        'PostgreSQL',
        {
          KOMISI_DATA_DIR: join(scratch, 'pg'),
          NODE_COMPILE_CACHE: cache,
          DATABASE_URL: ADMIN_URL.replace(/\/[^/]*$/, `/${database}`),
          KOMISI_FILE_KEY: fileKey,
        },
        3_902,
      ),
    ];
    const lines = [
      '# Server start',
      '',
      `Built server (\`node apps/server/dist/bin.js\`), spawn to the first 200 on /health; RSS ${IDLE_MS / 1000} s after.`,
      `Warm: median of ${WARM_RUNS} restarts on the same data. ${cpus().length} cores, ${new Date().toISOString()}.`,
      '',
      '| database | first start s | first RSS MB | warm start s | idle RSS MB |',
      '|---|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.first.seconds.toFixed(2)} | ${r.first.rssMb.toFixed(0)} | ${r.warmSeconds.toFixed(2)} | ${r.warmRssMb.toFixed(0)} |`,
      ),
      '',
    ];
    mkdirSync(join(REPO, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO, 'bench/results/startup.md'), lines.join('\n'));
  } finally {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
