import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, hostSetting, optionalSetting, portSetting, readEnvConfig } from './env-config';

const schema = z.object({
  PORT: portSetting(8000),
  HOST: hostSetting(),
  TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
});

describe('readEnvConfig', () => {
  it('uses the defaults for unset and blank variables, as compose passes them', () => {
    const defaults = { PORT: 8000, HOST: '127.0.0.1', TOKEN: undefined };
    expect(readEnvConfig(schema, {})).toEqual(defaults);
    expect(readEnvConfig(schema, { PORT: '', HOST: '  ', TOKEN: '' })).toEqual(defaults);
  });

  it('reads the values it is given', () => {
    expect(readEnvConfig(schema, { PORT: '0', HOST: '0.0.0.0', TOKEN: 'a'.repeat(16) })).toEqual({ PORT: 0, HOST: '0.0.0.0', TOKEN: 'a'.repeat(16) });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    [{ PORT: '65536' }, 'PORT', 'PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    [{ TOKEN: 'short-secret' }, 'TOKEN', 'TOKEN must be at least 16 characters'],
  ])('refuses %j naming the variable and the fix, never the value', (env, variable, message) => {
    const read = () => readEnvConfig(schema, env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    expect(read).toThrowError(expect.objectContaining({ variable }));
    expect(read).not.toThrow('short-secret');
  });
});
