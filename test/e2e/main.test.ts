/**
 * `src/main.ts` as an operator starts it: a configuration that would fool someone, or a database
 * that cannot be used, stops the process with exit code 1 and one line on stderr saying why.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', LOG_LEVEL: 'error', CONSOLE: 'off', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 35 s; stderr: ${stderr}`));
    }, 35_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const slack = { SLACK_BOT_TOKEN: 'xoxb-main-test', SLACK_SIGNING_SECRET: 'main-test-secret' };

// Each start compiles the bot with tsx (several seconds on a busy machine): run them side by side.
describe.concurrent('the bot refuses to start', { timeout: 40_000 }, () => {
  it('with Slack credentials and no AICC URL (it would post invented figures): exit 1, naming the variables', async () => {
    const { code, stderr } = await start({ ...slack, AICC_ISALES_URl: 'https://typo.example:28080' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error: AICC_ISALES_URL, AICC_CMS_URL, AICC_OIFDE_URL: required with Slack credentials/m);
    expect(stderr).not.toContain('main-test-secret');
  });

  it('with a DATABASE_URL scheme it does not support: exit 1, naming DATABASE_URL', async () => {
    const { code, stderr } = await start({ ...slack, AICC_SIMULATOR: 'on', DATABASE_URL: 'mysql://root:hunter2@db/aicc' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error: DATABASE_URL: the scheme "mysql:" is not supported/m);
    expect(stderr).not.toContain('hunter2');
  });

  it('with a database file of garbage bytes: exit 1, saying it is not a SQLite database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'main-')), 'bot.sqlite');
    writeFileSync(file, randomBytes(32 * 1024));
    const { code, stderr } = await start({ ...slack, AICC_SIMULATOR: 'on', DATABASE_URL: `sqlite:${file}` });
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot open SQLite database ${file}: the file is not a SQLite database`);
  });
});
