import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({}, '/tmp/work');
    expect(config.dbFile).toBe(join('/tmp/work', 'data', 'liaison.db'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(DEFAULT_PORT);
    expect(config.user).toBe('local');
    expect(config.maxInputBytes).toBe(5 * 1024 * 1024);
    expect(isAbsolute(config.scorerPath)).toBe(true);
    expect(config.scorerPath.endsWith(join('shared', 'eval', 'score.mjs'))).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads each variable it documents', () => {
    const config = loadConfig(
      { LIAISON_DB: 'x.db', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/liaison', LIAISON_PORT: '9000', LIAISON_USER: 'ana', LIAISON_SCORER: 's.mjs', CI: 'true' },
      '/srv',
    );
    expect(config).toMatchObject({ dbFile: '/srv/x.db', databaseUrl: 'postgres://postgres@127.0.0.1:5432/liaison', port: 9000, user: 'ana', scorerPath: '/srv/s.mjs', ci: true });
  });

  it('falls back to PORT when LIAISON_PORT is unset', () => {
    expect(loadConfig({ PORT: '3001' }).port).toBe(3001);
  });

  it.each([
    [{ LIAISON_PORT: 'eighty' }, 'invalid_port', /LIAISON_PORT="eighty"/],
    [{ PORT: '70000' }, 'invalid_port', /0 to 65535/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'invalid_database_url', /postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, 'invalid_database_url', /not a valid URL/],
    [{ LIAISON_DB: '  ' }, 'invalid_db_file', /--db FILE/],
    [{ LIAISON_USER: '' }, 'invalid_user', /LIAISON_USER/],
    [{ LIAISON_MAX_INPUT_BYTES: '5MB' }, 'invalid_max_input_bytes', /whole number of bytes/],
  ])('rejects %o with a message that says what to do', (env, code, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe(code);
    expect((error as ConfigError).message).toMatch(message);
  });
});
