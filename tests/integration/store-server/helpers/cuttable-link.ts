import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP relay between one counter and the store server, so one counter can be cut off
 * (its network cable pulled) while the others and the store server keep running.
 */
export async function cuttableLink(targetPort: number, port: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  /** Requests reach the store server but its answers are dropped (the counter hears nothing). */
  let dropAnswers = false;

  function listen(): Promise<void> {
    const s = createServer((inbound) => {
      const outbound = connect(targetPort, '127.0.0.1');
      for (const sock of [inbound, outbound]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => sock.destroy());
      }
      inbound.pipe(outbound);
      outbound.on('data', (chunk: Buffer) => {
        if (dropAnswers) inbound.destroy();
        else inbound.write(chunk);
      });
      outbound.on('end', () => inbound.end());
      // The store server gone: the counter sees the connection fail at once, as without a relay.
      outbound.on('close', () => inbound.destroy());
      inbound.on('close', () => outbound.destroy());
    });
    server = s;
    return new Promise((resolve) => s.listen(port, '127.0.0.1', () => resolve()));
  }

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    async cut() {
      const s = server;
      server = null;
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
    restore: listen,
    dropAnswers(on: boolean) {
      dropAnswers = on;
      for (const sock of sockets) sock.destroy();
    },
  };
}
