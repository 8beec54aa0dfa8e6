/**
 * `oncotimeline serve [--role all|api|worker] [--port N] [--host H] [--data-dir D] [--model-dir M]`: the platform
 * (`--role all`, the default, is `npm start`: one process, no Redis). `api` serves GraphQL and enqueues, `worker` runs
 * records; both need REDIS_URL (src/queue). Options override the environment variables of the same name (ROLE, PORT,
 * HOST, DATA_DIR, MODEL_DIR); see README.md.
 */
import { parseArgs } from 'node:util';
import { main } from '../main.js';

const USAGE = `usage: oncotimeline serve [--role all|api|worker] [--port N] [--host H] [--data-dir DIR] [--model-dir DIR]
Starts Neo4j (embedded unless NEO4J_URI is set), the NER engine, the job runner and GraphQL on /graphql.
--role all (default): all of it in one process, no Redis needed.
--role api: GraphQL and subscriptions; jobs go to workers through Redis (REDIS_URL required).
--role worker: runs records from the Redis queue; /healthz and /readyz on --port (REDIS_URL required).
Other settings come from the environment (README.md, "Configuration" and "Running more than one process").
`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        role: { type: 'string' },
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
  if (values.role !== undefined && !['all', 'api', 'worker'].includes(values.role)) {
    process.stderr.write(`oncotimeline serve: --role: expected all, api or worker, got '${values.role}'\n${USAGE}`);
    return 2;
  }
  const env = { ...process.env };
  if (values.role !== undefined) env['ROLE'] = values.role;
  if (values.port !== undefined) env['PORT'] = values.port;
  if (values.host !== undefined) env['HOST'] = values.host;
  if (values['data-dir'] !== undefined) env['DATA_DIR'] = values['data-dir'];
  if (values['model-dir'] !== undefined) env['MODEL_DIR'] = values['model-dir'];
  return main(env);
}
