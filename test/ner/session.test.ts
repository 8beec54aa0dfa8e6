import { describe, expect, it } from 'vitest';
import { buildOnnxModel } from '../../bench/src/onnx/graph-builder.js';
import { openOnnxSession } from '../../src/ner/session.js';

const identity = buildOnnxModel({
  name: 'identity',
  inputs: [{ name: 'x', type: 'float32', shape: ['n'] }],
  outputs: [{ name: 'y', type: 'float32', shape: ['n'] }],
  initializers: [],
  nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
});

describe('openOnnxSession', () => {
  it("falls back from 'cuda' to 'cpu' and says why", async () => {
    const session = await openOnnxSession(identity, { intraOpThreads: 1, executionProviders: ['cuda', 'cpu'] });
    try {
      expect(session.provider).toBe('cpu');
      expect(session.fallback).toMatch(/^execution provider 'cuda' unavailable \(/u);
      const out = await session.run({ x: { type: 'float32', data: Float32Array.of(1, 2, 3), dims: [3] } });
      expect([...(out['y']?.data ?? [])]).toEqual([1, 2, 3]);
    } finally {
      await session.release();
    }
  });

  it('uses the first provider when it works, and throws when none does', async () => {
    const session = await openOnnxSession(identity, { intraOpThreads: 1, executionProviders: ['cpu'] });
    expect(session.fallback).toBeNull();
    await session.release();
    await expect(openOnnxSession(identity, { intraOpThreads: 1, executionProviders: ['no-such-provider'] })).rejects.toThrow();
  });
});
