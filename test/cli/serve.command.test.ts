import 'reflect-metadata';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/serve.command.js';
import { main } from '../../src/main.js';

describe('oncotimeline serve', () => {
  it('prints its usage with --help', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await run(['--help'])).toBe(0);
      expect(String(write.mock.calls[0]?.[0])).toContain('usage: oncotimeline serve');
    } finally {
      write.mockRestore();
    }
  });

  it('rejects an unknown option with exit code 2', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run(['--bogus'])).toBe(2);
    } finally {
      write.mockRestore();
    }
  });

  it('stops before starting anything when the configuration is invalid (exit code 78)', async () => {
    const logs: string[] = [];
    expect(await main({ PORT: 'eighty', JOB_CONCURRENCY: '0' }, (m) => logs.push(m))).toBe(78);
    expect(logs.join('\n')).toContain("PORT: expected an integer 0..65535, got 'eighty'");
    expect(logs.join('\n')).toContain("JOB_CONCURRENCY: expected an integer 1..256, got '0'");
  });
});
