/** QueueMetrics: what /metrics reports, in Prometheus text, with numbers only (no ids, no text). */
import { describe, expect, it } from 'vitest';
import { QueueMetrics } from '../../src/queue/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testPipeline } from '../helpers/test-pipeline.js';

describe('QueueMetrics', () => {
  it('counts NER characters, times ner and pipeline runs, records by status, retries, and reads its sources at scrape', async () => {
    const metrics = new QueueMetrics();
    const ner = metrics.timeNer(dictionaryNer());
    const pipeline = metrics.timePipeline(testPipeline(ner));
    expect(pipeline.model).toEqual(dictionaryNer().model);
    await pipeline.run({ text: '行左乳癌改良根治术', recordedAt: '2020-01-01' });
    metrics.recordFinished('DONE', 0.02);
    metrics.recordFinished('FAILED', 0.5);
    metrics.transactionRetried();
    metrics.observe({ queueTokens: async () => ({ wait: 3, failed: 1 }), subscriptions: () => 7 });
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('oncotimeline_ner_chars_total 9');
    expect(body).toContain('oncotimeline_stage_seconds_count{stage="ner"} 1');
    expect(body).toContain('oncotimeline_stage_seconds_count{stage="pipeline"} 1');
    expect(body).toContain('oncotimeline_stage_seconds_count{stage="record"} 2');
    expect(body).toContain('oncotimeline_records_processed_total{status="DONE"} 1');
    expect(body).toContain('oncotimeline_records_processed_total{status="FAILED"} 1');
    expect(body).toContain('oncotimeline_neo4j_transaction_retries_total 1');
    expect(body).toContain('oncotimeline_queue_tokens{state="wait"} 3');
    expect(body).toContain('oncotimeline_queue_tokens{state="failed"} 1');
    expect(body).toContain('oncotimeline_subscriptions 7');
    expect(body).not.toContain('左乳癌');
  });
});
