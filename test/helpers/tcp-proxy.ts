/**
 * A TCP proxy in front of the test Neo4j that a test can cut and restore, to play "Neo4j went away and came back"
 * without touching the shared database.
 *
 * @example
 *   const proxy = await startTcpProxy('127.0.0.1', 7687);
 *   const driver = await GraphDriver.connect({ uri: proxy.uri });
 *   await proxy.cut();       // listener closed, every connection destroyed: like a killed Neo4j
 *   await proxy.restore();   // listening again on the same port
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  readonly uri: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async (): Promise<void> => {
    server = createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      sockets.add(client).add(upstream);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server!.address() as { port: number }).port;
  };
  const cut = async (): Promise<void> => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return {
    get port() {
      return port;
    },
    get uri() {
      return `bolt://127.0.0.1:${port}`;
    },
    cut,
    restore: listen,
    close: cut,
  };
}
