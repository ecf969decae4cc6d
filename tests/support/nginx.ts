import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** deploy/: the server block (nginx.conf) and the files it includes. */
export const deployDir = fileURLToPath(new URL('../../deploy/', import.meta.url));

/** The `root` that deploy/nginx.conf names; the harness points it at the build instead. */
export const ROOT_PLACEHOLDER = '/srv/esim-guide/dist';

/** The directory under nginx's conf prefix that deploy/nginx.conf's includes name. */
const INCLUDE_DIR = 'esim-guide';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where to look for nginx: `NGINX_PATH` if set, else PATH and the sbin directories a normal user's PATH lacks. */
function nginxCandidates(): string[] {
  if (process.env.NGINX_PATH) return [process.env.NGINX_PATH];
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin', '/opt/homebrew/bin'];
  return [...new Set(dirs.filter(Boolean))].map((dir) => join(dir, 'nginx'));
}

export function findNginx(): string | undefined {
  return nginxCandidates().find(isExecutable);
}

/** nginx's own quoting, so a checkout path with spaces still works. */
const quote = (path: string) => `"${path.replace(/["\\]/g, '\\$&')}"`;

/**
 * deploy/nginx.conf as the tests run it: its `root` pointed at `root` and its `listen` lines
 * replaced by one `listen 127.0.0.1:<port>`. Nothing else changes.
 */
export function testServerBlock(conf: string, root: string, port: number): string {
  const rootLine = new RegExp(`^(\\s*)root\\s+${ROOT_PLACEHOLDER.replace(/[/.]/g, '\\$&')};`, 'm');
  if (!rootLine.test(conf)) throw new Error(`deploy/nginx.conf has no \`root ${ROOT_PLACEHOLDER};\` line for the tests to point at dist/`);
  let listened = false;
  const out = conf
    .replace(rootLine, (_, indent: string) => `${indent}root ${quote(resolve(root))};`)
    .replace(/^(\s*)listen\s+[^;]*;[^\n]*\n/gm, (_, indent: string) => {
      if (listened) return '';
      listened = true;
      return `${indent}listen 127.0.0.1:${port};\n`;
    });
  if (!listened) throw new Error('deploy/nginx.conf has no `listen` line');
  return out;
}

/** The main configuration around the server block: everything nginx writes stays in `dir`. */
export function mainConfig(dir: string, asRoot: boolean): string {
  const at = (name: string) => quote(join(dir, name));
  return [
    // Workers must read dist/ wherever the checkout is (under /root too): as root, run them as
    // root rather than nginx's default `nobody`. As a normal user nginx ignores `user` anyway.
    ...(asRoot ? ['user root;'] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${at('nginx.pid')};`,
    `lock_file ${at('nginx.lock')};`,
    `error_log ${at('error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${at('access.log')};`,
    `  client_body_temp_path ${at('client_body')};`,
    `  proxy_temp_path ${at('proxy')};`,
    `  fastcgi_temp_path ${at('fastcgi')};`,
    `  uwsgi_temp_path ${at('uwsgi')};`,
    `  scgi_temp_path ${at('scgi')};`,
    '  sendfile on;',
    `  include ${INCLUDE_DIR}/nginx.conf;`,
    '}',
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok, fail) => probe.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

const canConnect = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });

/** Waits until nginx accepts connections; rejects with what it said if it exits first. */
async function started(child: ChildProcess, port: number, pidFile: string, output: () => Promise<string>): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`nginx exited (code ${exited}):\n${await output()}`);
    // nginx writes its pid file only once it holds the port, so a stranger on it does not count.
    if (existsSync(pidFile) && (await canConnect(port))) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 15 s:\n${await output()}`);
}

/**
 * Serves `root` (the built site) with nginx and deploy/nginx.conf, on a free port of 127.0.0.1.
 * Works as root and as a normal user: configuration, pid file, logs and temp paths all live in a
 * temporary directory. Fails with a clear message when nginx is not installed.
 */
export async function serveNginx(root: string): Promise<{ url: string; close: () => Promise<void>; errorLog: () => Promise<string> }> {
  const nginx = findNginx();
  if (!nginx) {
    throw new Error(
      `nginx is not installed (no executable ${nginxCandidates().join(', ')}), and the \`nginx\` test project ` +
        'serves dist/ with it (deploy/nginx.conf). Install it (Debian: `apt-get install nginx`; `bash .ci/run` does) or set NGINX_PATH, ' +
        'or leave that project out: `npx playwright test --config tests/playwright.config.ts --project desktop --project phone`.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'esim-guide-nginx-'));
  const asRoot = process.getuid?.() === 0;
  await mkdir(join(dir, INCLUDE_DIR));
  // Every file of deploy/ the server block may include, next to it, as on a real server.
  for (const name of await readdir(deployDir)) {
    if (name.endsWith('.conf') && name !== 'nginx.conf') await copyFile(join(deployDir, name), join(dir, INCLUDE_DIR, name));
  }
  await writeFile(join(dir, 'nginx.conf'), mainConfig(dir, asRoot));
  const block = await readFile(join(deployDir, 'nginx.conf'), 'utf8');
  const errorLog = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '');

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    await writeFile(join(dir, INCLUDE_DIR, 'nginx.conf'), testServerBlock(block, root, port));
    const child = spawn(nginx, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    child.stdout?.on('data', (d) => (said += d));
    child.stderr?.on('data', (d) => (said += d));
    const spawnError = new Promise<never>((_, fail) => child.once('error', (e) => fail(new Error(`could not start ${nginx}: ${e.message}`))));
    try {
      await Promise.race([started(child, port, join(dir, 'nginx.pid'), async () => `${said}${await errorLog()}`), spawnError]);
    } catch (error) {
      child.kill('SIGKILL');
      // Another process took the port between the probe and nginx's bind: try another one.
      if (attempt < 5 && /Address already in use/.test(String(error))) continue;
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      url: `http://127.0.0.1:${port}`,
      errorLog,
      close: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const gone = new Promise((ok) => child.once('exit', ok));
          child.kill('SIGTERM');
          await gone;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
