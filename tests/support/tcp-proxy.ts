import net from 'node:net';

type Target = { host: string; port: number };

/**
 * A TCP proxy in front of PostgreSQL (or a web server) that a test can cut:
 * every open connection is reset and new ones are refused until `restore()`,
 * which is what a server sees when its database host goes away, and what a
 * browser sees while its server restarts. `retarget` sends new connections
 * to another address (the restarted server's), so clients keep one address.
 */
export async function startTcpProxy(initial: Target) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let target = initial;
  const server = net.createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    restore() {
      cut = false;
    },
    retarget(next: Target) {
      target = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
