/**
 * Writes one synthetic record's text sentence by sentence and records each mention's span as it goes, so offsets
 * are right by construction (`text.slice(start, end) === mention.text`, UTF-16 units as everywhere in the platform).
 *
 * @example
 *   const t = new RecordText('2018-03-20');
 *   t.say('患者于2018年3月12日确诊').mention('左乳腺癌', 'DISEASE', { conceptId: 'ICD10:C50.9', on: '2018-03-12' }).say('。');
 *   t.build()
 *   // { text: '患者于2018年3月12日确诊左乳腺癌。', mentions: [{ start: 15, end: 19, text: '左乳腺癌', ...,
 *   //   time: { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false, undated: false } }] }
 */
import type { Assertion, EntityType, Subject, TimePrecision } from '../domain/index.js';
import type { SynthMention } from './synth.types.js';

export interface MentionOptions {
  assertion?: Assertion;
  subject?: Subject;
  conceptId?: string | null;
  /** A day the text states; without `on` or `interval` the mention is undated (at the record date). */
  on?: string;
  /** A coarser time the text states (`2018年` → the year); `approx` as the time module sets it for 约/余/多年. */
  interval?: { start: string; end: string; precision: TimePrecision; approx?: boolean };
}

export class RecordText {
  private text = '';
  private readonly mentions: SynthMention[] = [];

  constructor(private readonly recordedAt: string) {}

  say(words: string): this {
    this.text += words;
    return this;
  }

  mention(words: string, type: EntityType, options: MentionOptions = {}): this {
    const start = this.text.length;
    this.text += words;
    const dated = options.interval ?? (options.on === undefined ? null : { start: options.on, end: options.on, precision: 'DAY' as const, approx: false });
    this.mentions.push({
      start, end: this.text.length, text: words, type,
      assertion: options.assertion ?? 'PRESENT',
      subject: options.subject ?? 'PATIENT',
      conceptId: options.conceptId ?? null,
      time: dated === null
        ? { start: this.recordedAt, end: this.recordedAt, precision: 'DAY', approx: false, undated: true }
        : { start: dated.start, end: dated.end, precision: dated.precision, approx: dated.approx ?? false, undated: false },
    });
    return this;
  }

  build(): { text: string; mentions: SynthMention[] } {
    return { text: this.text, mentions: [...this.mentions] };
  }
}
