/**
 * `oncotimeline serve [--port N] [--host H] [--data-dir D] [--model-dir M]`: the GraphQL platform (same as `npm start`).
 * Options override the environment variables of the same name (PORT, HOST, DATA_DIR, MODEL_DIR); see README.md.
 */
import { parseArgs } from 'node:util';
import { main } from '../main.js';

const USAGE = `usage: oncotimeline serve [--port N] [--host H] [--data-dir DIR] [--model-dir DIR]
Starts Neo4j (embedded unless NEO4J_URI is set), the NER engine, the job runner and GraphQL on /graphql.
Other settings come from the environment (README.md, "Configuration").
`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'model-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`oncotimeline serve: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = { ...process.env };
  if (values.port !== undefined) env['PORT'] = values.port;
  if (values.host !== undefined) env['HOST'] = values.host;
  if (values['data-dir'] !== undefined) env['DATA_DIR'] = values['data-dir'];
  if (values['model-dir'] !== undefined) env['MODEL_DIR'] = values['model-dir'];
  return main(env);
}
