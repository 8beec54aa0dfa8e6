/**
 * What every response and log line must satisfy, whatever was sent: no 5xx, JSON, no stack trace or server path,
 * no record text in an error. Violations are counted (and the first few kept) rather than thrown, so a run reports
 * all of them at once.
 *
 * @example
 *   const watch = new Violations(['患者女，52岁…']);
 *   watch.response('case 17', res.status, res.headers.get('content-type'), text);
 *   watch.log(platform.output());
 *   expect(watch.summary()).toEqual({ http5xx: 0, internalErrors: 0, notJson: 0, stackTraces: 0, textInErrors: 0, textInLog: 0 });
 */
const STACK = /\n\s+at |node_modules|\/src\/[\w/.-]+\.[tj]s|\.ts:\d+|<pre>|<html/i;

export class Violations {
  readonly counts = { http5xx: 0, internalErrors: 0, notJson: 0, stackTraces: 0, textInErrors: 0, textInLog: 0 };
  readonly examples: string[] = [];

  /** `texts`: record texts the test submitted; no error message and no log line may contain a sentence of them. */
  constructor(private readonly texts: readonly string[]) {}

  private readonly fragments = (): string[] =>
    [...new Set(this.texts.flatMap((t) => t.split(/[。，；]/)).filter((s) => s.length >= 6))];

  response(label: string, status: number, contentType: string | null, text: string): unknown {
    if (status >= 500) this.note('http5xx', `${label}: HTTP ${status}`);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      this.note('notJson', `${label}: not JSON (${contentType ?? 'no content type'})`);
    }
    if (STACK.test(text)) this.note('stackTraces', `${label}: stack or path in response`);
    const errors = (body as { errors?: unknown[] } | null)?.errors;
    if (errors) {
      const errorText = JSON.stringify(errors);
      const leaked = this.fragments().find((f) => errorText.includes(f));
      if (leaked) this.note('textInErrors', `${label}: record text in an error: ${errorText.slice(0, 300)}`);
      if (errors.some((e) => (e as { extensions?: { code?: string } }).extensions?.code === 'INTERNAL_SERVER_ERROR')) {
        this.note('internalErrors', `${label}: INTERNAL_SERVER_ERROR`);
      }
    }
    return body;
  }

  log(output: string): void {
    if (this.fragments().some((f) => output.includes(f))) this.note('textInLog', 'record text in the platform log');
    if (/\n\s+at \S+ \(|node_modules\//.test(output)) this.note('stackTraces', 'stack trace in the platform log');
  }

  summary(): Record<keyof Violations['counts'], number> {
    return { ...this.counts };
  }

  private note(kind: keyof Violations['counts'], example: string): void {
    this.counts[kind] += 1;
    if (this.examples.length < 10) this.examples.push(example);
  }
}
