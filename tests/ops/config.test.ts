import { describe, expect, it } from 'vitest';
import { ConfigError, parseOpsConfig } from '../../src/config.js';

describe('operations configuration', () => {
  it('defaults: nothing kept, nothing served, no owners', () => {
    expect(parseOpsConfig({})).toEqual({
      knowledgeDir: null,
      ownerIds: [],
      missesFile: null,
      missesMaxBytes: 5 * 1024 * 1024,
      metricsPort: null,
    });
  });

  it('reads owners, the misses file and its cap, the metrics port', () => {
    expect(
      parseOpsConfig({
        DISCORD_OWNER_IDS: ' 1234567890123456789, 987654321098765432 ',
        MISSES_FILE: '/data/misses.jsonl',
        MISSES_MAX_BYTES: '65536',
        METRICS_PORT: '9464',
        KNOWLEDGE_DIR: '/srv/knowledge',
      }),
    ).toEqual({
      knowledgeDir: '/srv/knowledge',
      ownerIds: ['1234567890123456789', '987654321098765432'],
      missesFile: '/data/misses.jsonl',
      missesMaxBytes: 65536,
      metricsPort: 9464,
    });
  });

  it('names every malformed variable', () => {
    let error: unknown;
    try {
      parseOpsConfig({ DISCORD_OWNER_IDS: 'me, you', METRICS_PORT: '70000', MISSES_MAX_BYTES: '10' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables.sort()).toEqual([
      'DISCORD_OWNER_IDS',
      'METRICS_PORT',
      'MISSES_MAX_BYTES',
    ]);
  });
});
